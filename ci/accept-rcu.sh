#!/bin/sh
# Usage: accept-rcu.sh LOCKSCOPE
#
# Real-kernel acceptance of the RCU lifetime checks (rcu-walked-add,
# rcu-free).  In a scratch copy of the 6.1 tree, scripted edits undo the
# kind of fix upstream made for real RCU lifetime bugs, one shape a file:
#
#   tcp_cong.c     tcp_register_congestion_control() links the algorithm
#                  with list_add_tail(), while tcp_get_*_congestion_control()
#                  walk tcp_cong_list with list_for_each_entry_rcu()
#   cipso_ipv4.c   cipso_v4_doi_add() the same with cipso_v4_doi_list
#                  (cipso_v4_doi_walk() walks it under rcu_read_lock())
#   dev_addr_lists.c  __hw_addr_del_entry() kfree()s the address right
#                  after list_del_rcu() (upstream: kfree_rcu())
#   tcp_ipv4.c     tcp_md5_do_del() kfree()s the key right after
#                  hlist_del_rcu()
#   igmp.c         ip_mc_leave_src() hands the source list to kfree_rcu()
#                  before clearing iml->sflist (upstream's "igmp: fix
#                  ip_mc_sf_allow race" put the clearing first)
#   fib_trie.c     fib_table_delete() frees the alias with kmem_cache_free()
#                  (upstream: call_rcu()) after fib_remove_alias() took it
#                  off the leaf's hlist: the unpublish is in the helper
#
# Each must be reported in its function; the same functions of the
# unmodified files must be silent.  Ends with "N passed, N failed".
set -eu
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
pristine=$(sh "$ci/kernel-setup.sh" | tail -n 1)
# The copy can race with another kbuild run's temporary files: retry.
work=
for try in 1 2 3; do
	if work=$(sh "$ci/kernel-worktree.sh" rcu | tail -n 1) && [ -d "$work/net" ]; then
		break
	fi
	work=
	sleep 5
done
[ -n "$work" ] || { echo "accept-rcu: no kernel worktree"; echo "0 passed, 1 failed"; exit 1; }
accept_tmpdir

# The re-creations (perl -i replaces each file: the hard links break).
edit() {
	file=$1
	shift
	[ -f "$work/$file" ] || { echo "accept-rcu: $work/$file missing" >&2; exit 1; }
	perl -0 -i -pe "$@" "$work/$file"
}
edit net/ipv4/tcp_cong.c '
	s/list_add_tail_rcu\(&ca->list, &tcp_cong_list\)/list_add_tail(&ca->list, &tcp_cong_list)/
		or die "tcp_register_congestion_control: the edit did not apply\n";'
edit net/ipv4/cipso_ipv4.c '
	s/list_add_tail_rcu\(&doi_def->list, &cipso_v4_doi_list\)/list_add_tail(&doi_def->list, &cipso_v4_doi_list)/
		or die "cipso_v4_doi_add: the edit did not apply\n";'
edit net/core/dev_addr_lists.c '
	s/(list_del_rcu\(&ha->list\);\n\t)kfree_rcu\(ha, rcu_head\);/$1kfree(ha);/
		or die "__hw_addr_del_entry: the edit did not apply\n";'
edit net/ipv4/tcp_ipv4.c '
	s/(hlist_del_rcu\(&key->node\);\n\tatomic_sub\(sizeof\(\*key\), &sk->sk_omem_alloc\);\n\t)kfree_rcu\(key, rcu\);/$1kfree(key);/
		or die "tcp_md5_do_del: the edit did not apply\n";'
edit net/ipv4/igmp.c '
	s/\tRCU_INIT_POINTER\(iml->sflist, NULL\);\n(\t\/\* decrease mem now .*\n\tatomic_sub\(.*\n\tkfree_rcu\(psf, rcu\);\n)/$1\tRCU_INIT_POINTER(iml->sflist, NULL);\n/
		or die "ip_mc_leave_src: the edit did not apply\n";'
edit net/ipv4/fib_trie.c '
	s/(fib_release_info\(fa_to_delete->fa_info\);\n\t)alias_free_mem_rcu\(fa_to_delete\);/$1kmem_cache_free(fn_alias_kmem, fa_to_delete);/
		or die "fib_table_delete: the edit did not apply\n";'

files="net/ipv4/tcp_cong.o net/ipv4/cipso_ipv4.o net/core/dev_addr_lists.o
	net/ipv4/tcp_ipv4.o net/ipv4/igmp.o net/ipv4/fib_trie.o"
run() {
	tree=$1 name=$2
	# shellcheck disable=SC2086
	kbuild_check "$tree" "$tmp/$name" "$tmp/$name.make" $files
	"$lockscope" report --facts-dir="$tmp/$name" >"$tmp/$name.report" 2>&1
	cat "$tmp/$name.make" "$tmp/$name.report" >"$tmp/$name.all"
}
run "$pristine" pristine
run "$work" rcu

# Is there a [lockscope/CHECK] warning in function FN of FILE (as TREE
# has it) in LOG?  The function spans from its definition to the first
# "}" in column one.
warned_in() {
	tree=$1 file=$2 fn=$3 check=$4 log=$5
	range=$(awk -v fn="$fn" '
		!start && $0 ~ "^[a-z].*[ *]" fn "\\(" && $0 !~ /;$/ { start = NR }
		start && /^}/ { print start, NR; exit }
	' "$tree/$file")
	[ -n "$range" ] || { echo "accept-rcu: $fn not found in $file" >&2; return 2; }
	set -- $range
	awk -F: -v f="$file" -v lo="$1" -v hi="$2" -v tag="[lockscope/$check]" '
		$1 == f && $2 >= lo && $2 <= hi && index($0, tag) && / warning: / { found = 1 }
		END { exit !found }
	' "$log"
}

cases='
net/ipv4/tcp_cong.c tcp_register_congestion_control rcu-walked-add
net/ipv4/cipso_ipv4.c cipso_v4_doi_add rcu-walked-add
net/core/dev_addr_lists.c __hw_addr_del_entry rcu-free
net/ipv4/tcp_ipv4.c tcp_md5_do_del rcu-free
net/ipv4/igmp.c ip_mc_leave_src rcu-free
net/ipv4/fib_trie.c fib_table_delete rcu-free
'
echo "$cases" | {
	while read -r file fn check; do
		[ -n "$file" ] || continue
		check "$check in $fn() reported after the edit" \
			warned_in "$work" "$file" "$fn" "$check" "$tmp/rcu.all"
		if warned_in "$pristine" "$file" "$fn" "$check" "$tmp/pristine.all"; then
			verdict 1 "$fn() silent on the unmodified tree"
		else
			verdict 0 "$fn() silent on the unmodified tree"
		fi
	done
	# the readers the notes name
	check "tcp_cong.c: the note names a list_for_each_entry_rcu() reader" \
		grep -q "net/ipv4/tcp_cong.c:[0-9]*:[0-9]*: note: tcp_[a-z_]*() walks '&tcp_cong_list' under RCU here" "$tmp/rcu.all"
	check "cipso_ipv4.c: the note names a list_for_each_entry_rcu() reader" \
		grep -q "net/ipv4/cipso_ipv4.c:[0-9]*:[0-9]*: note: cipso_v4_[a-z_]*() walks '&cipso_v4_doi_list' under RCU here" "$tmp/rcu.all"

	check "fib_trie.c: the notes name the helper that unpublished the alias" \
		grep -q "net/ipv4/fib_trie.c:[0-9]*:[0-9]*: note: fib_remove_alias() unpublishes it here (hlist_del_rcu)" "$tmp/rcu.all"

	echo "--- RCU findings on the re-created files"
	grep -A2 "\[lockscope/rcu-" "$tmp/rcu.all" || true
	echo "--- RCU findings on the unmodified files"
	grep -A2 "\[lockscope/rcu-" "$tmp/pristine.all" || true
	finish
}
