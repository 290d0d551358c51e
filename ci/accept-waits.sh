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
# the callback's acquisition.  And e100_down() frees the IRQ with
# nic->cmd_lock held: e100_intr(), requested on nic->pdev->irq, masks
# the device under that lock (e100_disable_irq()), so free_irq() waits
# for a handler spinning on the lock its caller holds.  And the revert of
# upstream 6c4ca03bd890 ("net/tg3: resolve deadlock in tg3_reset_task()
# during EEH"): tg3_io_error_detected() cancels the reset task under RTNL
# again, which tg3_reset_task() takes.  The same files unmodified must
# have no wait-under-lock finding but tg3_suspend()'s, the same bug the
# fix left there (a real one).  Ends with "N passed, N failed".
set -eu
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
pristine=$(sh "$ci/kernel-setup.sh" | tail -n 1)
work=$(sh "$ci/kernel-worktree.sh" waits | tail -n 1)
accept_tmpdir
mlx5=drivers/net/ethernet/mellanox/mlx5/core
e100=drivers/net/ethernet/intel/e100
tg3=drivers/net/ethernet/broadcom/tg3
objects="$mlx5/en_main.o $mlx5/en_fs.o $mlx5/en_stats.o $mlx5/health.o $e100.o $tg3.o"

# The re-creation (perl -i replaces the file: the hard link breaks).
perl -0 -i -pe '
	s/(\tmlx5e_reset_channels\(priv->netdev\);\n)\tcancel_work_sync\(&priv->update_stats_work\);\n\}/$1\tmutex_lock(&priv->state_lock);\n\tcancel_work_sync(&priv->update_stats_work);\n\tmutex_unlock(&priv->state_lock);\n}/
		or die "mlx5e_detach_netdev: the edit did not apply\n";' "$work/$mlx5/en_main.c"
perl -0 -i -pe '
	s/(static void e100_down\(struct nic \*nic\)\n\{\n)(.*?\te100_hw_reset\(nic\);\n)(\tfree_irq\(nic->pdev->irq, nic->netdev\);\n)/$1\tunsigned long flags;\n\n$2\tspin_lock_irqsave(&nic->cmd_lock, flags);\n$3\tspin_unlock_irqrestore(&nic->cmd_lock, flags);\n/s
		or die "e100_down: the edit did not apply\n";' "$work/$e100.c"
perl -0 -i -pe '
	s/(\tnetdev_info\(netdev, "PCI I\/O error detected\\n"\);\n\n)(\t\/\* Want to make sure that the reset task doesn.t run \*\/\n\ttg3_reset_task_cancel\(tp\);\n\n)(.*?\ttg3_timer_stop\(tp\);\n\n)/$1$3$2/s
		or die "tg3_io_error_detected: the revert did not apply\n";' "$work/$tg3.c"

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
rc=0
awk '
	/\[lockscope\/wait-under-lock\]/ {
		inside = /e100.c:[0-9]+:[0-9]+: warning: free_irq\(\) waits for the handlers of the IRQ .nic->pdev->irq. with .&nic->cmd_lock. held, and its callback e100_intr\(\) acquires .struct nic::cmd_lock./
		next
	}
	/\[lockscope\// { inside = 0 }
	inside && /.&nic->cmd_lock. \(struct nic::cmd_lock\) acquired here/ { lock = 1 }
	inside && /e100_intr\(\) is requested as a handler of the IRQ .struct pci_dev::irq. here/ { bound = 1 }
	inside && /e100_intr\(\) calls e100_disable_irq\(\)/ { chain = 1 }
	inside && /e100_disable_irq\(\) acquires .*cmd_lock. here/ { taken = 1 }
	END { exit !(lock && bound && chain && taken) }
' "$tmp/waits.report" || rc=$?
verdict $rc "free_irq() under the spinlock its handler takes: reported with the lock, the request and the chain to the acquisition"
check "cancel_work_sync() of the tg3 reset task under RTNL in tg3_io_error_detected(): reported" \
	grep -q "tg3.c:[0-9]*:[0-9]*: warning: cancel_work_sync() waits for the work .* with .rtnl_mutex. held, and its callback tg3_reset_task() acquires .rtnl_mutex." "$tmp/waits.report"
check "the tg3 finding names tg3_io_error_detected() as the holder of RTNL" \
	grep -q "scenario: CPU0: lock(rtnl_mutex) in tg3_io_error_detected()" "$tmp/waits.report"
check "unmodified files: no wait-under-lock finding but tg3_suspend()'s" \
	sh -c '[ "$(grep -c "lockscope/wait-under-lock" "$1")" = 1 ] &&
		grep -q "scenario: CPU0: lock(rtnl_mutex) in tg3_suspend()" "$1"' - "$tmp/pristine.report"
check "unmodified files: every facts file loaded" \
	grep -q "lockscope report: [1-9][0-9]* facts files (0 skipped)" "$tmp/pristine.report"

echo "--- report on the re-created tree (wait-under-lock)"
awk '/\[lockscope\// { on = /\[lockscope\/wait-under-lock\]/ } on' "$tmp/waits.report"
grep "lockscope report: [0-9]* facts" "$tmp/pristine.report" "$tmp/waits.report" || true
finish
