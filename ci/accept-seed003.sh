#!/bin/sh
# Usage: accept-seed003.sh LOCKSCOPE
#
# Real-kernel acceptance of the rcu-nulls check (seed 003).  In a scratch
# copy of the 6.1 tree, the TCP listening hash goes back to a plain hlist,
# as it was before upstream moved it to hlist_nulls: the buckets become
# "struct hlist_head head", __inet_hash() adds with hlist_add_head_rcu()
# on sk_node (which shares its storage with sk_nulls_node), inet_unhash()
# removes with the plain __sk_del_node_init(), and the lookups and
# iterators use sk_for_each_rcu() / sk_for_each().  TCP sockets come from
# a SLAB_TYPESAFE_BY_RCU cache and the established hash is an hlist_nulls:
# an established-hash lookup can be carried into a listener chain.
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

# The re-creation (perl -i replaces each file: the hard links break).
edit() {
	file=$1
	shift
	perl -0 -i -pe "$@" "$work/$file"
}
edit include/net/inet_hashtables.h '
	s/(struct inet_listen_hashbucket \{\n\tspinlock_t\t\tlock;\n\t)struct hlist_nulls_head\tnulls_head;/$1struct hlist_head\thead;/
		or die "inet_listen_hashbucket: the edit did not apply\n";'
edit net/ipv4/inet_hashtables.c '
	s/sk_nulls_for_each_rcu\(sk, node, &ilb2->nulls_head\)/sk_for_each_rcu(sk, &ilb2->head)/
		or die "inet_lhash2_lookup: the edit did not apply\n";
	s/sk_nulls_for_each_rcu\(sk2, node, &ilb->nulls_head\)/sk_for_each_rcu(sk2, &ilb->head)/
		or die "inet_reuseport_add_sock: the edit did not apply\n";
	s/__sk_nulls_add_node_tail_rcu\(sk, &ilb2->nulls_head\)/hlist_add_tail_rcu(&sk->sk_node, &ilb2->head)/
		or die "__inet_hash: the edit did not apply\n";
	s/__sk_nulls_add_node_rcu\(sk, &ilb2->nulls_head\)/hlist_add_head_rcu(&sk->sk_node, &ilb2->head)/
		or die "__inet_hash: the edit did not apply\n";
	s/(reuseport_stop_listen_sock\(sk\);\n\n\t\t)__sk_nulls_del_node_init_rcu\(sk\);/$1__sk_del_node_init(sk);/
		or die "inet_unhash: the edit did not apply\n";
	s/INIT_HLIST_NULLS_HEAD\(&h->lhash2\[i\]\.nulls_head,\s*i \+ LISTENING_NULLS_BASE\)/INIT_HLIST_HEAD(&h->lhash2[i].head)/
		or die "init_hashinfo_lhash2: the edit did not apply\n";'
edit net/ipv6/inet6_hashtables.c '
	s/sk_nulls_for_each_rcu\(sk, node, &ilb2->nulls_head\)/sk_for_each_rcu(sk, &ilb2->head)/
		or die "inet6_lhash2_lookup: the edit did not apply\n";'
edit net/ipv4/tcp_ipv4.c '
	s/hlist_nulls_empty\(&ilb2->nulls_head\)/hlist_empty(&ilb2->head)/
		or die "listening_get_first: the edit did not apply\n";
	s/sk_nulls_for_each\(sk, node, &ilb2->nulls_head\)/sk_for_each(sk, &ilb2->head)/
		or die "listening_get_first: the edit did not apply\n";
	s/sk_nulls_for_each_from\(sk, node\)/sk_for_each_from(sk)/
		or die "listening_get_next: the edit did not apply\n";'
edit net/ipv4/inet_diag.c '
	s/sk_nulls_for_each\(sk, node, &ilb->nulls_head\)/sk_for_each(sk, &ilb->head)/
		or die "inet_diag_dump_icsk: the edit did not apply\n";'

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
