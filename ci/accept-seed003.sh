#!/bin/sh
# Usage: accept-seed003.sh LOCKSCOPE
#
# Real-kernel acceptance of the rcu-nulls check (seed 003).  In a scratch
# copy of the 6.1 tree, the TCP listening hash goes back to a plain hlist
# (ci/seed003-recreate.sh).  TCP sockets come from a SLAB_TYPESAFE_BY_RCU
# cache and the established hash is an hlist_nulls: an established-hash
# lookup can be carried into a listener chain.
# lockscope runs over net/ipv4 and net/ipv6 through kbuild; "lockscope
# report" must name the listener hash beside the established hash, with
# __inet_hash() linking the socket into both.  The unmodified tree must
# have no rcu-nulls finding.  Ends with "N passed, N failed".
set -eu
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
pristine=$(sh "$ci/kernel-setup.sh" | tail -n 1)
work=$(sh "$ci/kernel-worktree.sh" seed003 | tail -n 1)
accept_tmpdir

# The re-creation, shared with accept-fix-seed003.sh.
sh "$ci/seed003-recreate.sh" "$work"

run() {
	tree=$1 name=$2
	kbuild_check "$tree" "$tmp/$name" "$tmp/$name.make" net/ipv4/ net/ipv6/
	"$lockscope" report --facts-dir="$tmp/$name" --stats >"$tmp/$name.report" 2>&1
}
run "$pristine" pristine
run "$work" seed003


# The finding names both hashes and explains both sides.
awk '
	/\[lockscope\/rcu-nulls\]/ {
		inside = /hlist_nulls .struct inet_ehash_bucket::chain./ &&
			 /plain hlist .struct inet_listen_hashbucket::head./
		next
	}
	/\[lockscope\// { inside = 0 }
	inside && /struct [a-z_]*sock objects come from a SLAB_TYPESAFE_BY_RCU cache \(&tcp_prot\)/ { why = 1 }
	inside && /__inet_hash\(\) links it into the plain hlist/ { plain = 1 }
	inside && /__inet_hash\(\) calls inet_ehash_nolisten\(\)/ { chain = 1 }
	inside && /links it into the hlist_nulls .* \(struct inet_ehash_bucket::chain\)/ { nulls = 1 }
	inside && /walks .* under RCU here: a plain chain/ { reader = 1 }
	END { exit !(why && plain && chain && nulls && reader) }
' "$tmp/seed003.report"
verdict $? "seed 003 re-created: the listener hash beside the established hash reported, with both sides explained"
! grep -q "lockscope/rcu-nulls" "$tmp/pristine.report"
verdict $? "unmodified tree: no rcu-nulls finding"
grep -q "lockscope report: [0-9]* facts files (0 skipped)" "$tmp/pristine.report"
verdict $? "unmodified tree: every facts file loaded"

echo "--- report on the re-created tree (rcu findings)"
awk '/\[lockscope\// { on = /\[lockscope\/rcu-/ } on' "$tmp/seed003.report"
echo "--- report on the unmodified tree (rcu findings)"
awk '/\[lockscope\// { on = /\[lockscope\/rcu-/ } on' "$tmp/pristine.report"
grep "lockscope report:" "$tmp/pristine.report" "$tmp/seed003.report" || true
finish
