#include "kernel.h"
#include "queue.h"

/* Takes the queue's own lock. */
void pkt_queue_purge(struct pkt_queue *q)
{
	spin_lock(&q->lock);
	q->head = NULL;
	q->qlen = 0;
	spin_unlock(&q->lock);
}
