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

/* GFP_KERNEL under the lock: the allocator may sleep. */
void rxq_refill(struct rxq *q)
{
	spin_lock(&q->lock);
	if (!q->spare)
		q->spare = rxq_page(GFP_KERNEL);
	spin_unlock(&q->lock);
}

/*
 * check-name: GFP_KERNEL into an allocator with a rule: the chain ends at the allocator
 * check-error-start
test.c:20:28: warning: rxq_page() may sleep (__alloc_pages()) and is called with '&q->lock' held: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:18: note: '&q->lock' (struct rxq::lock) acquired here
test.c:20:28: note: rxq_refill() calls rxq_page() with GFP flags 0xcc0
test.c:12:16: note: rxq_page() calls __alloc_pages() with its caller's GFP flags, which may sleep
 * check-error-end
 */
