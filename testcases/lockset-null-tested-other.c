#include "kernel.h"

struct queue {
	spinlock_t lock;
	int enabled;
	int len;
};

/*
 * The early return tests something else than the lock's pointer: the
 * caller cannot tell whether it got the lock.
 */
static void dev_queue_lock(struct queue *q)
{
	if (!q->enabled) {
		q->len = 0;
		return;
	}
	spin_lock(&q->lock);
}

/*
 * check-name: early return on another test than the lock's pointer
 *
 * check-error-start
lockset-null-tested-other.c:19:9: warning: inconsistent returns of '&q->lock' in dev_queue_lock(): held on this return, not held on the return at line 17 [lockscope/inconsistent-return]
lockset-null-tested-other.c:19:9: note: '&q->lock' (struct queue::lock) acquired here
lockset-null-tested-other.c:17:17: note: returns without '&q->lock' here
 * check-error-end
 */
