#!/bin/sh
# Usage: seed003-recreate.sh TREE
#
# Seed 003 in a copy of the 6.1 tree (shared by accept-seed003.sh and
# accept-fix-seed003.sh): the TCP listening hash goes back to a plain
# hlist, as it was before upstream moved it to hlist_nulls.  The buckets
# become "struct hlist_head head", __inet_hash() adds with
# hlist_add_head_rcu() on sk_node (which shares its storage with
# sk_nulls_node), inet_unhash() removes with the plain
# __sk_del_node_init(), and the lookups and iterators use
# sk_for_each_rcu() / sk_for_each().  LISTENING_NULLS_BASE and the
# "struct hlist_nulls_node *node" locals the nulls walks used stay, as
# they would in a tree that never had the conversion's other half.
# perl -i replaces each file: the hard links of kernel-worktree.sh break.
set -eu
tree=${1:?usage: seed003-recreate.sh TREE}

edit() {
	file=$1
	shift
	perl -0 -i -pe "$@" "$tree/$file"
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
