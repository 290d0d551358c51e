#!/bin/sh
# Usage: accept-context.sh LOCKSCOPE
#
# Real-kernel acceptance of the execution-context checks.  In a scratch
# copy of the 6.1 tree, drivers/net/ethernet/realtek/8139too.c gets two
# bugs of shapes that upstream has fixed many times over:
#
#  - irq-inversion: rtl8139_set_wol() (an ethtool operation, process
#    context) takes tp->lock with plain spin_lock() instead of
#    spin_lock_irq(), while the interrupt handler rtl8139_interrupt()
#    (bound by request_irq()) takes it too;
#  - sleep-in-atomic: rtl8139_chip_reset() polls with msleep() instead of
#    udelay(), and rtl8139_tx_timeout_task() calls rtl8139_hw_start(),
#    which resets the chip, with tp->rx_lock held (spin_lock_bh()).
#
# A second copy reverts two real upstream fixes instead:
#
#  - sleep-in-atomic: "8139too: Use disable_irq_nosync() in
#    rtl8139_poll_controller()" (Ingo Molnar, 2018; the subject is
#    verified in the stable changelogs, networking-stable-18_05_15, the
#    commit id is not): netpoll calls ndo_poll_controller with hard irqs
#    off, and disable_irq() waits for the handler and may sleep;
#  - irq-inversion: "[PATCH] 8139too: fix a TX timeout watchdog thread
#    against NAPI softirq race" (Francois Romieu, linux-kernel, 31 Jan
#    2006, 2.6.16; the posting is verified, with 471819cf98a5 as the id
#    in the author's tree, the mainline id is not): it moved the TX
#    timeout handling into process context, rtl8139_tx_timeout_task(),
#    and so took tp->rx_lock there with spin_lock_bh() instead of
#    spin_lock(), because rtl8139_poll() (NAPI, softirq) takes it too.
#    The revert is that flavour change: with spin_lock() a NAPI poll
#    run on the same CPU (from the interrupt that napi_enable() lets
#    through, under the lock) spins on rx_lock for ever.
#
# lockscope runs over the file through kbuild, on the pristine tree and on
# the edited copies; "lockscope report" must name each bug with its root
# and chain, and report nothing of either check on the unmodified file.
# The pristine run also checks the false positives fixed at their
# mechanism stay away: forcedeth's plain spin_lock() with the device's
# lines masked by nv_disable_irq(), ext4's group locks (bgl_lock_ptr())
# released through the same expression; and one real bug stays reported:
# forcedeth's nv_set_loopback() masks the lines, which waits for their
# handlers, with np->lock held, which the handlers take (a deadlock, and
# a sleep with irqs off folded into it).  Ends with "N passed, N failed".
set -eu
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
pristine=$(sh "$ci/kernel-setup.sh" | tail -n 1)
file=drivers/net/ethernet/realtek/8139too.c

# A copy made while another kbuild runs in the pristine tree may miss a
# generated file that was being replaced: try again.
worktree() {
	for try in 1 2 3; do
		tree=$(sh "$ci/kernel-worktree.sh" "$1" | tail -n 1) &&
			[ -f "$tree/$file" ] && [ -d "$tree/include/generated" ] &&
			{ echo "$tree"; return 0; }
		sleep 5
	done
	echo "accept-context: no worktree $1" >&2
	return 1
}
work=$(worktree context-madeup)
upstream=$(worktree context-upstream)
accept_tmpdir

# The re-creation (perl -i replaces the file: the hard link breaks).
perl -0 -i -pe '
	s/(static int rtl8139_set_wol\(.*?)spin_lock_irq\(&tp->lock\);(.*?)spin_unlock_irq\(&tp->lock\);/$1spin_lock(&tp->lock);$2spin_unlock(&tp->lock);/s
		or die "rtl8139_set_wol: the edit did not apply\n";
	s/(static void rtl8139_chip_reset \(.*?)udelay \(10\);/$1msleep (10);/s
		or die "rtl8139_chip_reset: the edit did not apply\n";' "$work/$file"

# The upstream fixes reverted.
perl -0 -i -pe '
	s/(static void rtl8139_poll_controller\(.*?)disable_irq_nosync\(irq\);/$1disable_irq(irq);/s
		or die "rtl8139_poll_controller: the revert did not apply\n";
	s/(static void rtl8139_tx_timeout_task \(.*?)spin_lock_bh\(&tp->rx_lock\);(.*?)spin_unlock_bh\(&tp->rx_lock\);/$1spin_lock(&tp->rx_lock);$2spin_unlock(&tp->rx_lock);/s
		or die "rtl8139_tx_timeout_task: the revert did not apply\n";' "$upstream/$file"

forcedeth=drivers/net/ethernet/nvidia/forcedeth.c
ialloc=fs/ext4/ialloc.c

run() {
	tree=$1 name=$2
	shift 2
	kbuild_check "$tree" "$tmp/$name" "$tmp/$name.make" "${file%.c}.o" "$@"
	"$lockscope" report --facts-dir="$tmp/$name" >"$tmp/$name.report" 2>&1 || true
}
run "$pristine" pristine "${forcedeth%.c}.o" "${ialloc%.c}.o"
run "$work" edited
run "$upstream" upstream

checked() {
	[ -f "$tmp/$1/$file.facts" ]
}
check "the pristine file was checked" checked pristine
check "the edited file was checked" checked edited
check "the upstream revert was checked" checked upstream
check "forcedeth.c and ialloc.c were checked" \
	test -f "$tmp/pristine/$forcedeth.facts" -a -f "$tmp/pristine/$ialloc.facts"

# Each finding is its warning line and the note lines after it.
finding() {
	awk -v check="$2" -v want="$3" '
		/: (warning|error): / {
			inside = index($0, "[lockscope/" check "]") && index($0, want)
		}
		inside { print }
	' "$tmp/$1.report"
}

has() {
	printf '%s\n' "$1" | grep -qF -- "$2"
}

silent() {
	! grep -E '\[lockscope/(irq-inversion|sleep-in-atomic)\]' "$tmp/$1.report" |
		grep -q "^$2:"
}
check "unmodified 8139too.c: no irq-inversion or sleep-in-atomic finding" silent pristine "$file"
check "unmodified ialloc.c: the group locks are seen released (no sleep-in-atomic)" \
	silent pristine "$ialloc"
nothing() {
	! grep -E "\\[lockscope/$3\\]" "$tmp/$1.report" | grep -q "^$2:"
}
check "unmodified forcedeth.c: no irq-inversion with the lines masked (nv_change_mtu())" \
	nothing pristine "$forcedeth:3120" irq-inversion
# forcedeth's test handler nv_nic_irq_test() is chosen through a local
# variable in nv_request_irq(): it runs in hard-irq context
check "unmodified forcedeth.c: nv_nic_irq_test()'s spin_lock() is in hard-irq context" \
	nothing pristine "$forcedeth:3980" irq-inversion
# nv_set_loopback() masks the lines under np->lock, which their handlers
# take: one finding, the deadlock, with the sleep folded into it
fd=$(finding pristine wait-under-lock "nv_disable_irq() is called with '&dev+2304->lock' held")
check "unmodified forcedeth.c: nv_set_loopback() waits for the handlers under np->lock" \
	has "$fd" "forcedeth.c:4889:17: warning: nv_disable_irq() is called with '&dev+2304->lock' held and waits for the handlers of the IRQ"
check "unmodified forcedeth.c: nv_set_loopback()'s sleep in atomic context is the same bug" \
	has "$fd" "forcedeth.c:4889:17: note: the same bug, also: nv_disable_irq() may sleep (disable_irq()) and is called with '&dev+2304->lock' held"

# (tp is netdev_priv(dev): the instance is named "&dev+2304->lock")
inv=$(finding edited irq-inversion "(struct rtl8139_private::lock) is acquired in hard-irq context")
check "irq-inversion reported at rtl8139_set_wol()'s spin_lock()" \
	has "$inv" "8139too.c:2354:9: warning: '&dev+2304->lock' (struct rtl8139_private::lock) is acquired in hard-irq context and here with hard irqs enabled"
check "irq-inversion: the site is in rtl8139_set_wol()" \
	has "$inv" "scenario: CPU0: lock(struct rtl8139_private::lock) in rtl8139_set_wol() with hard irqs enabled"
check "irq-inversion: rtl8139_interrupt() is the hard-irq root" \
	has "$inv" "note: rtl8139_interrupt() runs in hard-irq context (bound to struct irqaction::handler)"
check "irq-inversion: the handler's own acquisition" \
	has "$inv" "8139too.c:2162:9: note: rtl8139_interrupt() acquires '&dev_instance+2304->lock' here"

slp=$(finding edited sleep-in-atomic "rtl8139_hw_start() may sleep (msleep())")
check "sleep-in-atomic reported at rtl8139_tx_timeout_task()'s call" \
	has "$slp" "8139too.c:1698:9: warning: rtl8139_hw_start() may sleep (msleep()) and is called with '&container_of(work, -624)->rx_lock' held"
check "sleep-in-atomic: the root is tp->rx_lock" \
	has "$slp" "8139too.c:1687: note: '&container_of(work, -624)->rx_lock' (struct rtl8139_private::rx_lock) acquired here"
check "sleep-in-atomic: the chain starts in rtl8139_tx_timeout_task()" \
	has "$slp" "note: rtl8139_tx_timeout_task() calls rtl8139_hw_start()"
check "sleep-in-atomic: rtl8139_hw_start() resets the chip" \
	has "$slp" "note: rtl8139_hw_start() calls rtl8139_chip_reset()"
check "sleep-in-atomic: the sleeping call" \
	has "$slp" "8139too.c:749:17: note: rtl8139_chip_reset() calls msleep(), which may sleep"

# Nothing else of these checks on the edited file: one inversion, and the
# sleep only where a lock is held.
count() {
	n=$(grep -Ec "\\[lockscope/$2\\]" "$tmp/edited.report" || true)
	[ "$n" -eq "$3" ] || { echo "    $2: $n findings, want $3" >&2; return 1; }
}
check "edited: exactly one irq-inversion finding" count edited irq-inversion 1
check "edited: sleep-in-atomic only under tp->rx_lock" count edited sleep-in-atomic 1

up=$(finding upstream sleep-in-atomic "rtl8139_poll_controller() runs in irqs-off context")
check "upstream revert: disable_irq() in rtl8139_poll_controller() reported" \
	has "$up" "8139too.c:2227:9: warning: rtl8139_poll_controller() runs in irqs-off context and may sleep (disable_irq()): sleeping in atomic context"
check "upstream revert: the root is ndo_poll_controller" \
	has "$up" "note: rtl8139_poll_controller() runs in irqs-off context (bound to struct net_device_ops::ndo_poll_controller)"
check "upstream revert: the sleeping call" \
	has "$up" "8139too.c:2227:9: note: rtl8139_poll_controller() calls disable_irq(), which waits for the line's handler and may sleep"

rx=$(finding upstream irq-inversion "(struct rtl8139_private::rx_lock) is acquired in softirq context")
check "upstream revert: irq-inversion at rtl8139_tx_timeout_task()'s spin_lock()" \
	has "$rx" "8139too.c:1687:9: warning: '&container_of(work, -624)->rx_lock' (struct rtl8139_private::rx_lock) is acquired in softirq context and here with softirqs enabled"
check "upstream revert: rtl8139_poll() (NAPI) is the softirq root" \
	has "$rx" "8139too.c:2126: note: rtl8139_poll() runs in softirq context (bound to struct napi_struct::poll)"
check "upstream revert: the poll's own acquisition" \
	has "$rx" "8139too.c:2133:9: note: rtl8139_poll() acquires '&container_of(napi, -32)->rx_lock' here"
check "upstream revert: the work that reaches the enabled site" \
	has "$rx" "8139too.c:1623:17: note: rtl8139_thread() calls rtl8139_tx_timeout_task() with softirqs enabled"
check "upstream reverts: exactly one sleep-in-atomic and one irq-inversion" \
	sh -c '[ "$(grep -Ec "\[lockscope/sleep-in-atomic\]" "$1")" -eq 1 ] &&
	       [ "$(grep -Ec "\[lockscope/irq-inversion\]" "$1")" -eq 1 ]' sh "$tmp/upstream.report"

finish
