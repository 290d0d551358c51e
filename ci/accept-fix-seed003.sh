#!/bin/sh
# Usage: accept-fix-seed003.sh LOCKSCOPE
#
# Real-kernel acceptance of "lockscope fix" on the RCU checks.  Seed 003
# is re-created in a scratch copy of the 6.1 tree as accept-seed003.sh
# does (the TCP listening hash back to a plain hlist), and the files its
# finding needs are checked through kbuild with net/ipv6/sit.c, which is
# left as it is: its ipip6_tunnel_del_prl() hands the PRL list to
# call_rcu() before clearing t->prl, a real rcu-free bug.
#  - The rcu-nulls finding gets no patch: making a list an hlist_nulls
#    needs nulls values chosen against the other chains, and lookups
#    that re-check them; lockscope fix must say so, not fake a patch.
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

# The re-creation of accept-seed003.sh, on the files checked here.
cat >"$tmp/recreate.sh" <<'EOS'
set -e
perl -0 -i -pe '
	s/(struct inet_listen_hashbucket \{\n\tspinlock_t\t\tlock;\n\t)struct hlist_nulls_head\tnulls_head;/$1struct hlist_head\thead;/
		or die "inet_listen_hashbucket: the edit did not apply\n";' "$1/include/net/inet_hashtables.h"
perl -0 -i -pe '
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
		or die "init_hashinfo_lhash2: the edit did not apply\n";' "$1/net/ipv4/inet_hashtables.c"
perl -0 -i -pe '
	s/hlist_nulls_empty\(&ilb2->nulls_head\)/hlist_empty(&ilb2->head)/
		or die "listening_get_first: the edit did not apply\n";
	s/sk_nulls_for_each\(sk, node, &ilb2->nulls_head\)/sk_for_each(sk, &ilb2->head)/
		or die "listening_get_first: the edit did not apply\n";
	s/sk_nulls_for_each_from\(sk, node\)/sk_for_each_from(sk)/
		or die "listening_get_next: the edit did not apply\n";' "$1/net/ipv4/tcp_ipv4.c"
EOS
sh "$tmp/recreate.sh" "$work"
# --verify's scratch copies: of the re-created tree, objects and all
cat >"$tmp/scratch.sh" <<EOS
ci='$ci'
. '$ci/accept-fix-lib.sh'
worktree_copy '$work' fix-seed003-verify
EOS

# make's output holds the per-file warnings: lockscope fix --local reads it
kbuild_check "$work" "$tmp/facts" "$tmp/make.log" \
	net/ipv4/inet_hashtables.o net/ipv4/tcp_ipv4.o net/ipv6/sit.o
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
nice -n 10 "$lockscope" fix --facts-dir="$tmp/facts" --tree="$work" --local="$tmp/make.log" \
	--output-dir="$tmp/nulls" --id="${nulls:-none}" >"$tmp/fix.log" 2>&1 || rc=$?
check "rcu-nulls: no patch, and the reason said" \
	sh -c 'test "$1" = 1 && grep -q "no patch: making .struct inet_listen_hashbucket::head. an hlist_nulls .*not a mechanical change" "$2" &&
	       ! ls "$3"/*.patch >/dev/null 2>&1' - "$rc" "$tmp/fix.log" "$tmp/nulls"

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
echo "--- the sit.c patch"
cat "$tmp/patches"/*.patch 2>/dev/null || true
finish
