#include "kernel.h"

struct queue {
	spinlock_t lock;
	int len;
	int max;
};

/*
 * The two-line "if (cond) return -E;" under a lock, the commonest shape
 * of all.  sparse folds the return into the condition's branch; the
 * warning still belongs on the return statement.
 */
static int queue_push(struct queue *q)
{
	spin_lock(&q->lock);
	if (q->len >= q->max)
		return -EBUSY;
	q->len++;
	spin_unlock(&q->lock);
	return 0;
}

/*
 * check-name: if (cond) return -E; under the lock: the warning is on the return
 * check-known-to-fail
 *
 * check-error-start
inconsistent-return-early-return.c:18:24: warning: inconsistent returns of '&q->lock' in queue_push(): held on this return, not held on the return at line 21 [lockscope/inconsistent-return]
inconsistent-return-early-return.c:16:9: note: '&q->lock' (struct queue::lock) acquired here
inconsistent-return-early-return.c:20:9: note: released here on the path to line 21
inconsistent-return-early-return.c:21:16: note: returns without '&q->lock' here
 * check-error-end
 */
