#include "kernel.h"

struct queue {
	spinlock_t lock;
	int len;
	int max;
	int drops;
};

/* The classic: an error return added later forgets the unlock. */
static int queue_push(struct queue *q)
{
	spin_lock(&q->lock);
	if (q->len >= q->max) {
		q->drops++;
		return -EBUSY;
	}
	q->len++;
	spin_unlock(&q->lock);
	return 0;
}

/*
 * check-name: an error return under the lock that forgot the unlock
 *
 * check-error-start
inconsistent-return-error-path.c:16:24: warning: inconsistent returns of '&q->lock' in queue_push(): held on this return, not held on the return at line 20 [lockscope/inconsistent-return]
inconsistent-return-error-path.c:13:9: note: '&q->lock' (struct queue::lock) acquired here
inconsistent-return-error-path.c:19:9: note: released here on the path to line 20
inconsistent-return-error-path.c:20:16: note: returns without '&q->lock' here
 * check-error-end
 */
