#!/bin/sh
# The test command (make check): every stage prints its own result, and
# the last line counts them all: "N passed, N failed".
#
#    1. testcases/ with ./lockscope
#    2. testcases/ with build/lockscope-san (AddressSanitizer + UBSan)
#    3. the real 6.1 kernel: net/ipv6 and mlx5 core through kbuild (C=2),
#       with the sanitizer build: no crash, no abort, no unparsed file
#    4. local checks: unlocks removed from error paths (and doubled) by a
#       scripted edit are reported; the unmodified functions are not
#    5. seed 000 re-created in net/ipv6 is reported with its chain; the
#       unmodified tree is not
#    6. seed 001 re-created in mlx5 (shutdown destroys the command pool,
#       commands no longer refuse) is reported against speed_show(); the
#       unmodified tree is not
#    7. seed 003 re-created in net/ipv4 (a plain listener hash) is
#       reported; net/ipv4 and net/ipv6 unmodified have no rcu-nulls
#    8. RCU lifetime bugs re-created in net/ (a plain list_add_tail() into
#       an RCU-walked list, kfree() right after list_del_rcu() /
#       hlist_del_rcu(), an __rcu pointer cleared after kfree_rcu(), a
#       free after an unpublish in a helper) are reported; the unmodified
#       functions are not
#    9. lockscope fix on seed 000: the patch verifies (finding gone,
#       nothing new, addrconf.o builds) and is upstream's fix
#   10. lockscope fix on seed 001: presence checks at every unguarded
#       entry point verify and build
#   11. lockscope fix on seed 003 and sit.c: the rcu-nulls patch makes the
#       listener hash an hlist_nulls again, verifies (finding gone,
#       nothing new, the three objects build) and restores the pristine
#       files; the rcu-free patch for ipip6_tunnel_del_prl() verifies
#   12. lockscope ci on series of a temporary git repository over the 6.1
#       tree: seed 000 re-created is exactly one new finding (exit 1), a
#       driver patch's deadlock is new, moved code is not (exit 0), a
#       corrupt cache is rebuilt
#   13. wait-under-lock: cancel_work_sync() moved under the mutex its
#       work takes in mlx5e, free_irq() under the lock e100's handler
#       takes, and upstream's tg3 EEH fix reverted are reported; the
#       unmodified files report only tg3_suspend()'s real deadlock
#   14. irq-inversion and sleep-in-atomic: a plain spin_lock() against
#       8139too's interrupt handler, an msleep() under its rx_lock, and
#       two upstream fixes reverted (disable_irq_nosync() in its poll
#       controller; spin_lock_bh() of rx_lock, which its NAPI poll takes,
#       in its TX timeout task) are reported with roots and chains; the
#       unmodified files (8139too, forcedeth's masked section and its
#       self-test handler, ext4's ialloc.c) have none
#   15. lockscope fix on a lock-order inversion re-created in ALSA's
#       timer.c (two nested locks swapped): the patch verifies (finding
#       gone, nothing new, timer.o builds) and restores the pristine
#       function; the unmodified file has no lock-order finding
#   16. the whole-tree step on synthetic facts of a quarter of a kernel,
#       under ThreadSanitizer with all its threads: no race, and the
#       findings of one thread
#
# LOCKSCOPE_SKIP_KERNEL=1 runs the testcases only (a quick local loop).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2

passed=0
failed=0

# A stage that passes or fails as a whole counts as one test.
verdict() {
	if "$@"; then
		echo "1 passed, 0 failed"
	else
		echo "0 passed, 1 failed"
		return 1
	fi
}

# Run a stage; its last line must be "N passed, N failed".
stage() {
	name=$1
	shift
	echo "=== $name"
	out=$("$@" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	last=$(printf '%s\n' "$out" | tail -n 1)
	p=$(printf '%s' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(printf '%s' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		echo "--- $name: did not finish (exit status $rc)"
		failed=$((failed + 1))
		return
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "--- $name: exit status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

stage "testcases (lockscope)" bash testcases/run-tests.sh "$top/lockscope"
stage "testcases (ASan+UBSan)" \
	env ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	bash testcases/run-tests.sh "$top/build/lockscope-san"
stage "testcases (TSan)" env TSAN_OPTIONS=halt_on_error=1 \
	bash testcases/run-tests.sh "$top/build/lockscope-tsan"

if [ "${LOCKSCOPE_SKIP_KERNEL:-0}" = 1 ]; then
	echo "=== real kernel: skipped (LOCKSCOPE_SKIP_KERNEL=1)"
else
	stage "real kernel: net/ipv6 + mlx5 core (ASan+UBSan)" \
		verdict env ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		sh ci/kernel-check.sh "$top/build/lockscope-san" \
		net/ipv6/ drivers/net/ethernet/mellanox/mlx5/core/
	stage "real kernel: local checks acceptance" sh ci/accept-local-checks.sh "$top/lockscope"
	stage "real kernel: seed 000 (whole tree) acceptance" sh ci/accept-seed000.sh "$top/lockscope"
	stage "real kernel: seed 001 (teardown race) acceptance" sh ci/accept-seed001.sh "$top/lockscope"
	stage "real kernel: seed 003 (RCU nulls) acceptance" sh ci/accept-seed003.sh "$top/lockscope"
	stage "real kernel: RCU lifetime acceptance" sh ci/accept-rcu.sh "$top/lockscope"
	stage "real kernel: lockscope fix on seed 000" sh ci/accept-fix-seed000.sh "$top/lockscope"
	stage "real kernel: lockscope fix on seed 001" sh ci/accept-fix-seed001.sh "$top/lockscope"
	stage "real kernel: lockscope fix on seed 003 and sit.c" sh ci/accept-fix-seed003.sh "$top/lockscope"
	stage "real kernel: lockscope ci on patch series" sh ci/accept-ci.sh "$top/lockscope"
	stage "real kernel: waits are acquisitions (mlx5e, e100, tg3) acceptance" sh ci/accept-waits.sh "$top/lockscope"
	stage "real kernel: irq-inversion and sleep-in-atomic acceptance" sh ci/accept-context.sh "$top/lockscope"
	stage "real kernel: lockscope fix on a lock-order inversion (ALSA timer)" sh ci/accept-fix-lockorder.sh "$top/lockscope"
	stage "scale: medium synthetic facts under TSan" \
		sh ci/scale-tsan.sh "$top/lockscope" "$top/build/lockscope-tsan"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
