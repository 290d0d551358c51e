#include "kernel.h"
#include "sys.h"

/*
 * Two cycles share cfg_lock (cfg <-> dev and cfg <-> irq, cfg.c and
 * dev.c): one strongly connected component, one report, its shortest
 * cycle from the smallest class.  rx <-> tx below is another component
 * and another report.
 */
void sys_rx(struct sys *s)
{
	spin_lock(&s->rx_lock);
	spin_lock(&s->tx_lock);
	s->n++;
	spin_unlock(&s->tx_lock);
	spin_unlock(&s->rx_lock);
}

void sys_tx(struct sys *s)
{
	spin_lock(&s->tx_lock);
	spin_lock(&s->rx_lock);
	s->n--;
	spin_unlock(&s->rx_lock);
	spin_unlock(&s->tx_lock);
}

/*
 * check-name: lock-order: one report per strongly connected component of the class graph
 * check-error-start
cfg.c:8:9: warning: possible circular locking dependency: 'struct sys::cfg_lock' -> 'struct sys::dev_lock' -> 'struct sys::cfg_lock' [lockscope/lock-order]
cfg.c:7: note: sys_configure() holds '&s->cfg_lock' (struct sys::cfg_lock) from here
cfg.c:8:9: note: ... and acquires '&s->dev_lock' (struct sys::dev_lock) here
dev.c:7: note: sys_dev_reset() holds '&s->dev_lock' (struct sys::dev_lock) from here
dev.c:8:9: note: ... and acquires '&s->cfg_lock' (struct sys::cfg_lock) here
cfg.c:7: note: scenario: CPU0: lock(&s->cfg_lock) in sys_configure()
dev.c:7: note: scenario: CPU1: lock(&s->dev_lock) in sys_dev_reset()
cfg.c:8: note: scenario: CPU0: lock(&s->dev_lock) waits for CPU1: deadlock
dev.c:8: note: scenario: CPU1: lock(&s->cfg_lock) waits for CPU0: deadlock
test.c:13:9: warning: possible circular locking dependency: 'struct sys::rx_lock' -> 'struct sys::tx_lock' -> 'struct sys::rx_lock' [lockscope/lock-order]
test.c:12: note: sys_rx() holds '&s->rx_lock' (struct sys::rx_lock) from here
test.c:13:9: note: ... and acquires '&s->tx_lock' (struct sys::tx_lock) here
test.c:21: note: sys_tx() holds '&s->tx_lock' (struct sys::tx_lock) from here
test.c:22:9: note: ... and acquires '&s->rx_lock' (struct sys::rx_lock) here
test.c:12: note: scenario: CPU0: lock(&s->rx_lock) in sys_rx()
test.c:21: note: scenario: CPU1: lock(&s->tx_lock) in sys_tx()
test.c:13: note: scenario: CPU0: lock(&s->tx_lock) waits for CPU1: deadlock
test.c:22: note: scenario: CPU1: lock(&s->rx_lock) waits for CPU0: deadlock
 * check-error-end
 */
