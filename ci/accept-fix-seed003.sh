#!/bin/sh
# Usage: accept-fix-seed003.sh LOCKSCOPE
#
# Real-kernel acceptance of "lockscope fix" on the RCU checks.  Seed 003
# is re-created in a scratch copy of the 6.1 tree (ci/seed003-recreate.sh:
# the TCP listening hash back to a plain hlist), and the files that use
# the listening hash are checked through kbuild with net/ipv6/sit.c,
# which is left as it is: its ipip6_tunnel_del_prl() hands the PRL list
# to call_rcu() before clearing t->prl, a real rcu-free bug.
#  - The rcu-nulls finding gets a patch (the listening hash an
#    hlist_nulls again, with LISTENING_NULLS_BASE, which the header still
#    defines) that verifies: the finding is gone, nothing new is
#    reported, and inet_hashtables.o, tcp_ipv4.o and inet6_hashtables.o
#    build.  The unmodified 6.1 tree is the fixed state: the patched
#    files must equal it byte for byte (any difference is printed);
#    net/ipv4/inet_diag.c, not built with this .config, is not
#    converted, and the patch must say so.
#  - The rcu-free finding in sit.c gets a patch (the store to t->prl
#    moved before call_rcu()) that verifies: the warning is gone, nothing
#    new is reported, net/ipv6/sit.o builds.
# Ends with "N passed, N failed".
set -eu
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
. "$ci/accept-fix-lib.sh"
work=$(fix_worktree fix-seed003)
accept_tmpdir

pristine=$(sh "$ci/kernel-setup.sh" | tail -n 1)
sh "$ci/seed003-recreate.sh" "$work"
# --verify's scratch copies: of the re-created tree, objects and all
cat >"$tmp/scratch.sh" <<EOS
ci='$ci'
. '$ci/accept-fix-lib.sh'
worktree_copy '$work' fix-seed003-verify
EOS

# make's output holds the per-file warnings: lockscope fix --local reads it
kbuild_check "$work" "$tmp/facts" "$tmp/make.log" \
	net/ipv4/inet_hashtables.o net/ipv4/tcp_ipv4.o net/ipv6/inet6_hashtables.o net/ipv6/sit.o
"$lockscope" report --facts-dir="$tmp/facts" --local="$tmp/make.log" --format=json \
	--output="$tmp/report.json"
python3 -c '
import json, sys
for f in json.load(open(sys.argv[1])):
    print(f["id"], f["check"], f["file"], f["line"])
' "$tmp/report.json" >"$tmp/findings"
nulls=$(awk '$2 == "rcu-nulls" { print $1; exit }' "$tmp/findings")
sit=$(awk '$2 == "rcu-free" && $3 == "net/ipv6/sit.c" && $4 == 446 { print $1; exit }' "$tmp/findings")
check "seed 003 re-created: the rcu-nulls finding" test -n "$nulls"
check "unmodified sit.c: the rcu-free finding at line 446" test -n "$sit"

rc=0
LOCKSCOPE_SCRATCH_CMD="sh '$tmp/scratch.sh'" \
	nice -n 10 "$lockscope" fix --facts-dir="$tmp/facts" --tree="$work" --local="$tmp/make.log" \
	--output-dir="$tmp/nulls" --id="${nulls:-none}" --verify >"$tmp/fix.log" 2>&1 || rc=$?
verdict $rc "rcu-nulls: lockscope fix --verify, a patch, verified"
check "the patched tree: finding gone, nothing new, the three objects build" \
	grep -q "verified: the finding is gone, nothing new is reported, net/ipv4/inet_hashtables.o, net/ipv4/tcp_ipv4.o, net/ipv6/inet6_hashtables.o builds" "$tmp/fix.log"
check "the subject names the protocol and the struct" \
	grep -q "^Subject: \[PATCH\] tcp: fix RCU lookup race: make inet_listen_hashbucket::head an hlist_nulls$" "$tmp/nulls"/*.patch
check "the body explains the nulls base it reuses" \
	sh -c 'tr "\n" " " <"$1" | grep -q "LISTENING_NULLS_BASE, which include/net/inet_hashtables.h defines for this purpose"' - "$tmp/nulls"/*.patch

# The unmodified tree is the fixed state: the patched files against it.
mkdir "$tmp/patched"
sed -n 's#^diff --git a/\([^ ]*\) b/.*#\1#p' "$tmp/nulls"/*.patch >"$tmp/nulls.files"
(cd "$work" && xargs -r -d '\n' cp --parents -t "$tmp/patched" <"$tmp/nulls.files")
cat "$tmp/nulls"/*.patch | patch -d "$tmp/patched" -p1 -s
: >"$tmp/upstream.diff"
while IFS= read -r f; do
	diff -u --label "upstream/$f" --label "patched/$f" "$pristine/$f" "$tmp/patched/$f" >>"$tmp/upstream.diff" || true
done <"$tmp/nulls.files"
check "the patch touches the header and the three files" \
	test "$(sort "$tmp/nulls.files" | tr '\n' ' ')" = "include/net/inet_hashtables.h net/ipv4/inet_hashtables.c net/ipv4/tcp_ipv4.c net/ipv6/inet6_hashtables.c "
check "the patched files are upstream's, byte for byte" test ! -s "$tmp/upstream.diff"
check "net/ipv4/inet_diag.c (not checked: CONFIG_INET_DIAG is off) is named as not converted" \
	sh -c 'tr "\n" " " <"$1" | grep -q "Not converted, because not checked: net/ipv4/inet_diag.c (using struct inet_listen_hashbucket)."' - "$tmp/nulls"/*.patch

rc=0
LOCKSCOPE_SCRATCH_CMD="sh '$tmp/scratch.sh'" \
	nice -n 10 "$lockscope" fix --facts-dir="$tmp/facts" --tree="$work" --local="$tmp/make.log" \
	--output-dir="$tmp/patches" --id="${sit:-none}" --verify >>"$tmp/fix.log" 2>&1 || rc=$?
verdict $rc "sit.c: lockscope fix --verify, a patch, verified"
check "the patched tree: finding gone, nothing new, net/ipv6/sit.o builds" \
	grep -q "verified: the finding is gone, nothing new is reported, net/ipv6/sit.o builds" "$tmp/fix.log"
check "the patch clears t->prl before call_rcu()" \
	sh -c 'cat "$1"/*.patch | tr "\n" "@" | grep -q "^.*-			call_rcu(&x->rcu_head, prl_list_destroy_rcu);@ 			t->prl = NULL;@+			call_rcu(&x->rcu_head, prl_list_destroy_rcu);@"' - "$tmp/patches"

echo "--- findings"
cat "$tmp/findings"
echo "--- lockscope fix"
cat "$tmp/fix.log"
echo "--- the rcu-nulls patch"
cat "$tmp/nulls"/*.patch 2>/dev/null || true
echo "--- upstream (the unmodified tree) against the patched files"
cat "$tmp/upstream.diff" 2>/dev/null || true
echo "--- the sit.c patch"
cat "$tmp/patches"/*.patch 2>/dev/null || true
finish
