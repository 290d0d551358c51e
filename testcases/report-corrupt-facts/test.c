#include "kernel.h"

struct rx { spinlock_t lock; struct tx *tx; int n; };
struct tx { spinlock_t lock; struct rx *rx; int n; };

/* tx -> rx, against rx_poll() in other.c */
void tx_complete(struct tx *tx)
{
	spin_lock(&tx->lock);
	spin_lock(&tx->rx->lock);
	tx->rx->n = tx->n;
	spin_unlock(&tx->rx->lock);
	spin_unlock(&tx->lock);
}

/*
 * A file that is not lockscope's lies among the facts: the report names
 * it, skips it and reports the tree as if it were not there.  ($FACTS,
 * the facts directory, is a temporary path: the filter hides it.)
 *
 * check-name: lockscope report: a garbage .facts file is named and skipped, the report is intact
 * check-command: lockscope -I../include --no-sparse-warnings *.c && printf 'garbage\n' > "$FACTS/bad.facts" && lockscope report 2>&1 | sed "s#$FACTS/#FACTS/#" >&2
 * check-error-start
lockscope: warning: FACTS/bad.facts:1: not a lockscope facts file; skipped
other.c:10:9: warning: possible circular locking dependency: 'struct rx::lock' -> 'struct tx::lock' -> 'struct rx::lock' [lockscope/lock-order]
other.c:9: note: rx_poll() holds '&rx->lock' (struct rx::lock) from here
other.c:10:9: note: ... and acquires '&rx->tx->lock' (struct tx::lock) here
test.c:9: note: tx_complete() holds '&tx->lock' (struct tx::lock) from here
test.c:10:9: note: ... and acquires '&tx->rx->lock' (struct rx::lock) here
other.c:9: note: scenario: CPU0: lock(&rx->lock) in rx_poll()
test.c:9: note: scenario: CPU1: lock(&tx->lock) in tx_complete()
other.c:10: note: scenario: CPU0: lock(&rx->tx->lock) waits for CPU1: deadlock
test.c:10: note: scenario: CPU1: lock(&tx->rx->lock) waits for CPU0: deadlock
 * check-error-end
 */
