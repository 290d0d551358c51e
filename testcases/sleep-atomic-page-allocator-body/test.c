#include "kernel.h"

void *alloc_page_frag(unsigned int gfp);

struct rxq {
	spinlock_t lock;
	void *spare;
};

/* GFP_ATOMIC under the lock: the allocator never reaches its reclaim. */
void rxq_refill(struct rxq *q)
{
	spin_lock(&q->lock);
	if (!q->spare)
		q->spare = alloc_page_frag(GFP_ATOMIC);
	spin_unlock(&q->lock);
}

/*
 * An allocator's body, walked with mm/ among the facts: its reclaim
 * path sleeps only for a mask with direct reclaim, which GFP_ATOMIC
 * has not: the flag test on the mask is followed into the body.
 *
 * check-name: GFP_ATOMIC under a spinlock, into an allocator whose reclaim path sleeps: silent
 */
