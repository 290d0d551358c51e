#include "kernel.h"

struct queue {
	spinlock_t lock;
	struct mutex mutex;
	int len;
};

/*
 * Both returns hold the mutex; the error return also keeps the
 * spinlock.  The mutex held on both does not excuse it.
 */
static int queue_push(struct queue *q, int item)
{
	mutex_lock(&q->mutex);
	spin_lock(&q->lock);
	if (q->len > 64)
		return -1;
	q->len += item;
	spin_unlock(&q->lock);
	return 0;
}

/*
 * check-name: a lock kept on an error return, beside another held on every return
 * check-error-start
inconsistent-return-leak-beside-other-lock.c:17:22: warning: inconsistent returns of '&q->lock' in queue_push(): held on this return, not held on the return at line 21 [lockscope/inconsistent-return]
inconsistent-return-leak-beside-other-lock.c:16:9: note: '&q->lock' (struct queue::lock) acquired here
inconsistent-return-leak-beside-other-lock.c:20:9: note: released here on the path to line 21
inconsistent-return-leak-beside-other-lock.c:21:16: note: returns without '&q->lock' here
 * check-error-end
 */
