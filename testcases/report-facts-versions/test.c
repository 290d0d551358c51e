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
 * Facts of three versions: flush.c's say version 9, the oldest still read
 * (a v9 file is a v10 file without masked arguments and flag tests), so
 * tx_flush_locked() is reported; other.c's say 8, and another file's the
 * next version: both are named and skipped, so the rx/tx cycle, which
 * needs other.c, is not reported.  ($FACTS, the facts directory, is a
 * temporary path: the filter hides it.)
 *
 * check-name: lockscope report: facts of an older readable version are read, others named and skipped
 * check-command: lockscope -I../include --no-sparse-warnings *.c && sed -i "1s/[0-9]*$/9/" "$FACTS/flush.c.facts" && sed -i "1s/[0-9]*$/8/" "$FACTS/other.c.facts" && cp "$FACTS/test.c.facts" "$FACTS/next.facts" && sed -i "1s/[0-9]*$/99/" "$FACTS/next.facts" && lockscope report 2>&1 | sed "s#$FACTS/#FACTS/#" >&2
 * check-error-start
lockscope: warning: FACTS/next.facts:1: facts version 99, not 9 to 10: written by another lockscope (re-run the check); skipped
lockscope: warning: FACTS/other.c.facts:1: facts version 8, not 9 to 10: written by another lockscope (re-run the check); skipped
test.c:22:9: error: tx_flush() is called with '&tx->lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:21: note: '&tx->lock' (struct tx::lock) acquired here
test.c:22:9: note: tx_flush_locked() calls tx_flush()
flush.c:8:9: note: tx_flush() acquires '&tx->lock' here
 * check-error-end
 */
