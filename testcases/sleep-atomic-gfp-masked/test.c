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
 * check-name: GFP_KERNEL or-ed with a constant on its way to kmalloc() under a spinlock
 * check-error-start
test.c:14:27: warning: ring_alloc() may sleep (kmalloc()) and is called with '&c->lock' held: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:12: note: '&c->lock' (struct chan::lock) acquired here
test.c:14:27: note: chan_grow() calls ring_alloc() with GFP flags 0xcc0
ring.c:8:16: note: ring_alloc() calls kmalloc() with its caller's GFP flags, which may sleep
 * check-error-end
 */
