#!/bin/sh
# Usage: accept-local-checks.sh LOCKSCOPE
#
# Real-kernel acceptance of the one-function checks.  In a scratch copy of
# the prepared 6.1 tree, scripted edits break real functions the way real
# patches do — an unlock dropped from an error path, an unlock doubled —
# and lockscope, run through kbuild, must name each one.  The same files of
# the unmodified tree must not be reported for those functions.
# Prints one line per case and ends with "N passed, N failed".
set -eu
export LC_ALL=C

lockscope=${1:?usage: accept-local-checks.sh LOCKSCOPE}
lockscope=$(cd "$(dirname "$lockscope")" && pwd)/$(basename "$lockscope")
ci=$(cd "$(dirname "$0")" && pwd)
pristine=$(sh "$ci/kernel-setup.sh" | tail -n 1)
work=$(sh "$ci/kernel-worktree.sh" accept-local | tail -n 1)
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

# edit FILE LINE-REGEX N PERL-EXPR: apply PERL-EXPR to the N-th line matching
# LINE-REGEX after the first line matching ANCHOR (the function's name).
# Fails loudly when the text to edit is not there.
edit() {
	file=$1 anchor=$2 match=$3 nth=$4 action=$5
	perl -i -ne '
		BEGIN { ($anchor, $match, $nth, $action) = @ARGV[0..3]; splice(@ARGV, 0, 4); }
		if (!$done && /$anchor/ && !/;\s*$/) { $in = 1 }
		if ($in && !$done && /$match/ && ++$seen == $nth) {
			$done = 1;
			if ($action eq "delete") { next }
			if ($action eq "double") { print; }
		}
		print;
		END { exit($done ? 0 : 3) }
	' "$anchor" "$match" "$nth" "$action" "$work/$file" ||
		{ echo "accept-local-checks: edit of $file ($anchor) did not apply" >&2; exit 1; }
}

# Each case: file, function, check, and the edit that makes the bug.
edit net/ipv6/addrconf.c '^static void addrconf_dad_begin\(' \
	'read_unlock_bh\(&idev->lock\);' 2 delete
edit drivers/net/ethernet/mellanox/mlx5/core/en_arfs.c '^int mlx5e_rx_flow_steer\(' \
	'spin_unlock_bh\(&arfs->arfs_lock\);' 1 delete
edit drivers/net/ethernet/mellanox/mlx5/core/fs_core.c '^int mlx5_destroy_flow_table\(' \
	'mutex_unlock\(&root->chain_lock\);' 1 delete
edit drivers/net/ethernet/mellanox/mlx5/core/fs_core.c '^int mlx5_fs_add_rx_underlay_qpn\(' \
	'mutex_unlock\(&root->chain_lock\);' 2 delete
edit net/ipv6/anycast.c '^static void ac6_seq_stop\(' \
	'rcu_read_unlock\(\);' 1 double
edit net/ipv6/addrconf.c '^static void addrconf_dad_run\(' \
	'spin_lock\(&ifp->lock\);' 1 double

cases='
net/ipv6/addrconf.c addrconf_dad_begin inconsistent-return
drivers/net/ethernet/mellanox/mlx5/core/en_arfs.c mlx5e_rx_flow_steer inconsistent-return
drivers/net/ethernet/mellanox/mlx5/core/fs_core.c mlx5_destroy_flow_table inconsistent-return
drivers/net/ethernet/mellanox/mlx5/core/fs_core.c mlx5_fs_add_rx_underlay_qpn inconsistent-return
net/ipv6/anycast.c ac6_seq_stop double-unlock
net/ipv6/addrconf.c addrconf_dad_run double-lock
'

# Check the files of both trees once each, through kbuild.
check_tree() {
	tree=$1 out=$2
	files=$(echo "$cases" | awk 'NF { print $1 }' | sort -u | sed 's/\.c$/.o/')
	# shellcheck disable=SC2086
	(cd "$tree" && make -s -k C=2 CHECK="$lockscope --no-sparse-warnings" $files) \
		>"$out.stdout" 2>"$out" || true
}
check_tree "$work" "$log/broken"
check_tree "$pristine" "$log/pristine"

# Is there a [lockscope/CHECK] warning (in the log on stdin) inside
# function FN of FILE in TREE?  The function spans from its definition
# to the first "}" in column one.
warned_in() {
	tree=$1 file=$2 fn=$3 check=$4
	range=$(awk -v fn="$fn" '
		!start && $0 ~ "^[a-z].*[ *]" fn "\\(" && $0 !~ /;$/ { start = NR }
		start && /^}/ { print start, NR; exit }
	' "$tree/$file")
	[ -n "$range" ] || { echo "accept-local-checks: $fn not found in $file" >&2; return 2; }
	set -- $range
	awk -F: -v f="$file" -v lo="$1" -v hi="$2" -v tag="[lockscope/$check]" '
		$1 == f && $2 >= lo && $2 <= hi && index($0, tag) { found = 1 }
		END { exit !found }
	'
}

echo "$cases" | while read -r file fn check; do
	[ -n "$file" ] || continue
	if warned_in "$work" "$file" "$fn" "$check" <"$log/broken"; then
		echo "PASS  $check in $fn() reported after the edit"
	else
		echo "FAIL  $check in $fn() not reported after the edit"
		grep "^$file:" "$log/broken" | sed 's/^/      /' | head -20
	fi
	if warned_in "$pristine" "$file" "$fn" "$check" <"$log/pristine"; then
		echo "FAIL  $check in $fn() reported on the unmodified tree"
	else
		echo "PASS  $fn() silent on the unmodified tree"
	fi
done >"$log/results"
cat "$log/results"
passed=$(grep -c '^PASS' "$log/results" || true)
failed=$(grep -c '^FAIL' "$log/results" || true)
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
