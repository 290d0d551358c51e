#!/bin/sh
# Usage: accept-waits.sh LOCKSCOPE
#
# Real-kernel acceptance of wait-under-lock (waits are acquisitions).  In
# a scratch copy of the 6.1 tree, mlx5e_detach_netdev() cancels the
# statistics work with priv->state_lock held: mlx5e_update_stats_work(),
# bound by INIT_WORK() in mlx5e_priv_init(), takes that mutex, so a
# running update blocks on it while cancel_work_sync() waits for the
# update to return.  lockscope runs through kbuild over the mlx5e core
# files; "lockscope report" must name the wait, the lock, the binding and
# the callback's acquisition.  The same files unmodified must have no
# wait-under-lock finding.  Ends with "N passed, N failed".
set -eu
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
pristine=$(sh "$ci/kernel-setup.sh" | tail -n 1)
work=$(sh "$ci/kernel-worktree.sh" waits | tail -n 1)
accept_tmpdir
mlx5=drivers/net/ethernet/mellanox/mlx5/core
objects="$mlx5/en_main.o $mlx5/en_fs.o $mlx5/en_stats.o $mlx5/health.o"

# The re-creation (perl -i replaces the file: the hard link breaks).
perl -0 -i -pe '
	s/(\tmlx5e_reset_channels\(priv->netdev\);\n)\tcancel_work_sync\(&priv->update_stats_work\);\n\}/$1\tmutex_lock(&priv->state_lock);\n\tcancel_work_sync(&priv->update_stats_work);\n\tmutex_unlock(&priv->state_lock);\n}/
		or die "mlx5e_detach_netdev: the edit did not apply\n";' "$work/$mlx5/en_main.c"

run() {
	tree=$1 name=$2
	# shellcheck disable=SC2086
	kbuild_check "$tree" "$tmp/$name" "$tmp/$name.make" $objects
	"$lockscope" report --facts-dir="$tmp/$name" --stats >"$tmp/$name.report" 2>&1
}
run "$pristine" pristine
run "$work" waits

rc=0
awk '
	/\[lockscope\/wait-under-lock\]/ {
		inside = /cancel_work_sync\(\) waits for the work .&priv->update_stats_work. with .&priv->state_lock. held, and its callback mlx5e_update_stats_work\(\) acquires .struct mlx5e_priv::state_lock./
		next
	}
	/\[lockscope\// { inside = 0 }
	inside && /.&priv->state_lock. \(struct mlx5e_priv::state_lock\) acquired here/ { lock = 1 }
	inside && /mlx5e_update_stats_work\(\) is bound to .struct mlx5e_priv::update_stats_work. here/ { bound = 1 }
	inside && /mlx5e_update_stats_work\(\) acquires .*state_lock. here/ { taken = 1 }
	END { exit !(lock && bound && taken) }
' "$tmp/waits.report" || rc=$?
verdict $rc "cancel_work_sync() under the mutex its work takes: reported with the lock, the binding and the callback"
check "the finding is at the wait in en_main.c" \
	grep -q "en_main.c:[0-9]*:[0-9]*: warning: cancel_work_sync() waits" "$tmp/waits.report"
check "unmodified files: no wait-under-lock finding" \
	sh -c '! grep -q "lockscope/wait-under-lock" "$1"' - "$tmp/pristine.report"
check "unmodified files: every facts file loaded" \
	grep -q "lockscope report: [1-9][0-9]* facts files (0 skipped)" "$tmp/pristine.report"

echo "--- report on the re-created tree (wait-under-lock)"
awk '/\[lockscope\// { on = /\[lockscope\/wait-under-lock\]/ } on' "$tmp/waits.report"
grep "lockscope report: [0-9]* facts" "$tmp/pristine.report" "$tmp/waits.report" || true
finish
