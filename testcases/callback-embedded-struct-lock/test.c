#include "kernel.h"
#include "queue.h"

/*
 * The endpoint holds its receive queue's lock and purges that queue:
 * &ep->rxq.lock here and &q->lock in pkt_queue_purge() (queue.c), with
 * q = &ep->rxq, are one lock.  Its class must not depend on the path it
 * is reached by (struct endpoint::rxq.lock against struct pkt_queue::lock).
 */
void endpoint_close(struct endpoint *ep)
{
	spin_lock(&ep->rxq.lock);
	ep->state = 0;
	pkt_queue_purge(&ep->rxq);
	spin_unlock(&ep->rxq.lock);
}

/*
 * check-name: an embedded struct's lock held, the callee locks it through a pointer to the struct
 * check-error-start
test.c:14:9: error: pkt_queue_purge() is called with '&ep->rxq.lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:12: note: '&ep->rxq.lock' (struct pkt_queue::lock) acquired here
test.c:14:9: note: endpoint_close() calls pkt_queue_purge()
queue.c:7:9: note: pkt_queue_purge() acquires '&q->lock' here
 * check-error-end
 */
