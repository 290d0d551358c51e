#include "kernel.h"
#include "queue.h"

/* Calls under the very locks the callees only try: no deadlock. */
void queue_add(struct queue *q)
{
	spin_lock(&q->lock);
	q->pending++;
	queue_kick(q);
	spin_unlock(&q->lock);
}

void queue_sync(struct queue *q)
{
	mutex_lock(&q->flush_lock);
	queue_flush(q);
	mutex_unlock(&q->flush_lock);
}

/*
 * check-name: a callee that only trylocks the held lock: silent
 */
