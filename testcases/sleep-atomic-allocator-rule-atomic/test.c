#include "kernel.h"

void *__alloc_pages(unsigned int gfp, unsigned int order);

struct rxq {
	spinlock_t lock;
	void *spare;
};

static void *rxq_page(unsigned int gfp)
{
	return __alloc_pages(gfp, 0);
}

/* GFP_ATOMIC under the lock: the allocator's rule says it does not sleep. */
void rxq_refill(struct rxq *q)
{
	spin_lock(&q->lock);
	if (!q->spare)
		q->spare = rxq_page(GFP_ATOMIC);
	spin_unlock(&q->lock);
}

/*
 * check-name: GFP_ATOMIC into an allocator whose body sleeps: its rule, not its body, decides
 */
