#include "kernel.h"

struct queue {
	spinlock_t lock;
	int len;
};

struct netdev {
	struct queue *q;
};

/*
 * Takes the queue's lock for the caller when there is a queue: on the
 * NULL path there is no lock to hold, so the returns agree.
 */
static void dev_queue_lock(struct queue *q)
{
	if (!q)
		return;
	spin_lock(&q->lock);
}

/* Locked and unlocked under the same test of the pointer. */
static void dev_queue_flush(struct netdev *dev)
{
	struct queue *q = dev->q;

	if (q)
		spin_lock(&q->lock);
	dev->q = q;
	if (q)
		spin_unlock(&q->lock);
}

/*
 * check-name: if (!q) return; spin_lock(&q->lock): no lock on the NULL path
 */
