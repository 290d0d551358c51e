#!/bin/sh
# Usage: accept-fix-seed000.sh LOCKSCOPE
#
# Real-kernel acceptance of "lockscope fix" on seed 000.  The seed is
# re-created in a scratch copy of the 6.1 tree as accept-seed000.sh does
# (addrconf_dad_begin() notifies under idev->lock again), net/ipv6 is
# checked through kbuild, and "lockscope fix --verify" must make a patch
# for that finding which, applied to another scratch copy, leaves the
# finding gone, adds none, and builds net/ipv6/addrconf.o.  Applied with
# --apply, the patched function must be upstream's fix up to the flag's
# name: the flag set where the call was, the call made after the unlock.
# Ends with "N passed, N failed".
set -eu
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
pristine=$(sh "$ci/kernel-setup.sh" | tail -n 1)
work=$(sh "$ci/kernel-worktree.sh" fix-seed000 | tail -n 1)
accept_tmpdir

# The re-creation; --verify's scratch copies get it too.
recreate() {
	perl -0 -i -pe '
		s/(static void addrconf_dad_begin\(struct inet6_ifaddr \*ifp\)\n\{.*?)notify = true;/$1ipv6_ifa_notify(RTM_NEWADDR, ifp);/s
			or die "addrconf_dad_begin: the edit did not apply\n";
	' "$1/net/ipv6/addrconf.c"
}
recreate "$work"
cat >"$tmp/scratch.sh" <<EOS
d=\$(sh '$ci/kernel-worktree.sh' fix-seed000-verify | tail -n 1) &&
perl -0 -i -pe 's/(static void addrconf_dad_begin\\(struct inet6_ifaddr \\*ifp\\)\\n\\{.*?)notify = true;/\$1ipv6_ifa_notify(RTM_NEWADDR, ifp);/s or die' "\$d/net/ipv6/addrconf.c" &&
echo "\$d"
EOS

kbuild_check "$work" "$tmp/facts" "$tmp/make.log" net/ipv6/
"$lockscope" report --facts-dir="$tmp/facts" --format=json --output="$tmp/report.json"
# LOCKSCOPE_FIX_KEEP=DIR keeps the facts and the report, for debugging
[ -z "${LOCKSCOPE_FIX_KEEP:-}" ] || cp -a "$tmp/facts" "$tmp/report.json" "$LOCKSCOPE_FIX_KEEP/"
id=$(python3 -c '
import json, sys
for f in json.load(open(sys.argv[1])):
    if f.get("fix", {}).get("func") == "addrconf_dad_begin" and f["check"] == "callback-under-lock":
        print(f["id"])
' "$tmp/report.json" | head -n 1)


rc=0
[ -n "$id" ] || rc=1
verdict $rc "seed 000 re-created: the finding carries what its fix rule needs"

rc=0
LOCKSCOPE_SCRATCH_CMD="sh '$tmp/scratch.sh'" \
	nice -n 10 "$lockscope" fix --facts-dir="$tmp/facts" --tree="$work" \
	--output-dir="$tmp/patches" --id="${id:-none}" --verify >"$tmp/fix.log" 2>&1 || rc=$?
verdict $rc "lockscope fix --verify: a patch, verified"
rc=0
grep -q "verified: the finding is gone, nothing new is reported, net/ipv6/addrconf.o builds" "$tmp/fix.log" || rc=$?
verdict $rc "the patched tree: finding gone, nothing new, addrconf.o builds"

rc=0
"$lockscope" fix --facts-dir="$tmp/facts" --tree="$work" --output-dir="$tmp/applied" \
	--id="${id:-none}" --apply >>"$tmp/fix.log" 2>&1 || rc=$?
verdict $rc "lockscope fix --apply"

# Upstream's addrconf_dad_begin() and ours, with our flag named as theirs
# and its declaration and the now duplicate call after the unlock dropped.
func() {
	perl -0 -ne 'print $1 if /(\nstatic void addrconf_dad_begin\(struct inet6_ifaddr \*ifp\)\n\{.*?\n\}\n)/s' "$1"
}
func "$pristine/net/ipv6/addrconf.c" >"$tmp/upstream.c"
func "$work/net/ipv6/addrconf.c" | perl -0 -pe '
	s/\tbool call_ipv6_ifa_notify = false;\n//;
	s/call_ipv6_ifa_notify/notify/g;
	s/(\tif \(notify\)\n\t\tipv6_ifa_notify\(RTM_NEWADDR, ifp\);\n)\1/$1/;
' >"$tmp/ours.c"
rc=0
{ [ -s "$tmp/upstream.c" ] && diff -u "$tmp/upstream.c" "$tmp/ours.c"; } || rc=1
verdict $rc "the patched addrconf_dad_begin() is upstream's fix"

echo "--- lockscope fix"
cat "$tmp/fix.log"
echo "--- the patch"
cat "$tmp/patches"/*.patch 2>/dev/null || true
finish
