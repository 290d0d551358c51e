#include "kernel.h"

void *ring_alloc(unsigned long n, unsigned int gfp);

struct chan {
	spinlock_t lock;
	void *ring;
};

void chan_grow(struct chan *c, unsigned long n)
{
	spin_lock(&c->lock);
	if (!c->ring)
		c->ring = ring_alloc(n, GFP_KERNEL);
	spin_unlock(&c->lock);
}

/*
 * check-name: GFP_KERNEL with direct reclaim masked out on its way to kmalloc() under a spinlock: silent
 */
