#!/bin/sh
# Usage: accept-seed000.sh LOCKSCOPE
#
# Real-kernel acceptance of the whole-tree lock checks (seed 000).  In a
# scratch copy of the 6.1 tree, addrconf_dad_begin() is edited back to
# notifying while it still holds idev->lock (upstream fixed it by
# remembering "notify" and calling ipv6_ifa_notify() after the unlock).
# lockscope runs over net/ipv6 through kbuild, then "lockscope report" must
# show the chain down to the write lock of the same idev->lock.  On the
# unmodified tree, neither addrconf_dad_begin() nor manage_tempaddrs()
# (which notifies event 0 under the lock: that event takes no lock) may be
# reported.  Ends with "N passed, N failed".
set -eu
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
pristine=$(sh "$ci/kernel-setup.sh" | tail -n 1)
work=$(sh "$ci/kernel-worktree.sh" seed000 | tail -n 1)
accept_tmpdir

# The re-creation: the notify goes back under the lock.
perl -0 -i -pe '
	s/(static void addrconf_dad_begin\(struct inet6_ifaddr \*ifp\)\n\{.*?)notify = true;/$1ipv6_ifa_notify(RTM_NEWADDR, ifp);/s
		or die "addrconf_dad_begin: the edit did not apply\n";
' "$work/net/ipv6/addrconf.c"

run() {
	tree=$1 name=$2
	kbuild_check "$tree" "$tmp/$name" "$tmp/$name.make" net/ipv6/
	"$lockscope" report --facts-dir="$tmp/$name" --stats >"$tmp/$name.report" 2>&1
}
run "$pristine" pristine
run "$work" seed000


# The finding whose notes walk the whole chain, in order.
awk '
	/\[lockscope\/callback-under-lock\]/ { ok = 0; step = 0; inside = 1; next }
	/\[lockscope\// { inside = 0 }
	inside && step == 0 && /addrconf_dad_begin\(\) calls ipv6_ifa_notify\(\)/ { step = 1; next }
	inside && step == 1 && /ipv6_ifa_notify\(\) calls __ipv6_ifa_notify\(\)/ { step = 2; next }
	inside && step == 2 && /__ipv6_ifa_notify\(\) calls addrconf_join_anycast\(\)/ { step = 3; next }
	inside && step == 3 && /addrconf_join_anycast\(\) calls (ipv6_dev_ac_inc|__ipv6_dev_ac_inc)\(\)/ { step = 4; next }
	inside && step >= 4 && /__ipv6_dev_ac_inc\(\) acquires .&idev->lock./ { found = 1 }
	END { exit !found }
' "$tmp/seed000.report"
verdict $? "seed 000 re-created: addrconf_dad_begin -> ipv6_ifa_notify -> __ipv6_ifa_notify -> addrconf_join_anycast -> __ipv6_dev_ac_inc reported"
grep -q "^net/ipv6/addrconf.c:[0-9]*:[0-9]*: error: ipv6_ifa_notify() is called with '&ifp->idev->lock' held for read and acquires it again for write" "$tmp/seed000.report"
verdict $? "seed 000 re-created: reported as the same instance (error)"
! grep -q "addrconf_dad_begin() calls\|manage_tempaddrs() calls" "$tmp/pristine.report"
verdict $? "unmodified tree: addrconf_dad_begin() and manage_tempaddrs() not reported"
grep -q "lockscope report: 6[0-9] facts files (0 skipped)" "$tmp/pristine.report"
verdict $? "unmodified tree: every facts file of net/ipv6 loaded"

echo "--- report on the re-created tree"
cat "$tmp/seed000.report"
echo "--- report on the unmodified tree"
cat "$tmp/pristine.report"
finish
