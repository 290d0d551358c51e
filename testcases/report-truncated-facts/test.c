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
 */
