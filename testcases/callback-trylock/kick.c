#include "kernel.h"
#include "queue.h"

/*
 * Only tries the lock: when the caller already holds it, the trylock
 * fails and the kick is skipped; it never waits.
 */
bool queue_kick(struct queue *q)
{
	if (!spin_trylock(&q->lock))
		return false;
	q->pending = 0;
	spin_unlock(&q->lock);
	return true;
}

/* The same with a mutex, where the caller holds the mutex. */
void queue_flush(struct queue *q)
{
	if (mutex_trylock(&q->flush_lock)) {
		q->pending = 0;
		mutex_unlock(&q->flush_lock);
	}
}
