#include "kernel.h"

struct rx { spinlock_t lock; struct tx *tx; int n; };
struct tx { spinlock_t lock; struct rx *rx; int n; };

void tx_flush(struct tx *tx);

/* tx -> rx, against rx_poll() in other.c */
void tx_complete(struct tx *tx)
{
	spin_lock(&tx->lock);
	spin_lock(&tx->rx->lock);
	tx->rx->n = tx->n;
	spin_unlock(&tx->rx->lock);
	spin_unlock(&tx->lock);
}

/* A self-deadlock through flush.c, but only if flush.c's facts are read. */
void tx_flush_locked(struct tx *tx)
{
	spin_lock(&tx->lock);
	tx_flush(tx);
	spin_unlock(&tx->lock);
}

/*
 * flush.c's facts lose their last line (the end record), as if its
 * writer had been killed: the report names the file, skips all of it —
 * none of its records are used, so tx_flush_locked() is not reported —
 * and keeps the rest (the rx/tx cycle).  ($FACTS, the facts directory,
 * is a temporary path: the filter hides it.)
 *
 * check-name: lockscope report: a facts file cut short is named and skipped whole, the rest is reported
 * check-command: lockscope -I../include --no-sparse-warnings *.c && head -n -1 "$FACTS/flush.c.facts" > "$FACTS/cut" && mv "$FACTS/cut" "$FACTS/flush.c.facts" && lockscope report 2>&1 | sed "s#$FACTS/#FACTS/#" >&2
 * check-error-start
lockscope: warning: FACTS/flush.c.facts:4: truncated (no end record); skipped
other.c:10:9: warning: possible circular locking dependency: 'struct rx::lock' -> 'struct tx::lock' -> 'struct rx::lock' [lockscope/lock-order]
other.c:9: note: rx_poll() holds '&rx->lock' (struct rx::lock) from here
other.c:10:9: note: ... and acquires '&rx->tx->lock' (struct tx::lock) here
test.c:11: note: tx_complete() holds '&tx->lock' (struct tx::lock) from here
test.c:12:9: note: ... and acquires '&tx->rx->lock' (struct rx::lock) here
other.c:9: note: scenario: CPU0: lock(&rx->lock) in rx_poll()
test.c:11: note: scenario: CPU1: lock(&tx->lock) in tx_complete()
other.c:10: note: scenario: CPU0: lock(&rx->tx->lock) waits for CPU1: deadlock
test.c:12: note: scenario: CPU1: lock(&tx->rx->lock) waits for CPU0: deadlock
 * check-error-end
 */
