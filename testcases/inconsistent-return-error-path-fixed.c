#include "kernel.h"

struct queue {
	spinlock_t lock;
	int len;
	int max;
	int drops;
};

/* The fixed twin: the error return unlocks too. */
static int queue_push(struct queue *q)
{
	spin_lock(&q->lock);
	if (q->len >= q->max) {
		q->drops++;
		spin_unlock(&q->lock);
		return -EBUSY;
	}
	q->len++;
	spin_unlock(&q->lock);
	return 0;
}

/*
 * check-name: fixed twin: the error return unlocks
 */
