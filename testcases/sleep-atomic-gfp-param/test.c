#include "kernel.h"

struct pool;
void *pool_get(struct pool *p, unsigned int gfp);

struct conn {
	spinlock_t lock;
	struct pool *pool;
	void *hdr;
};

/* GFP_KERNEL passed down two calls, under the connection's spinlock. */
void conn_prepare(struct conn *c)
{
	spin_lock(&c->lock);
	c->hdr = pool_get(c->pool, GFP_KERNEL);
	spin_unlock(&c->lock);
}

/*
 * check-name: GFP_KERNEL passed through parameters to kmalloc() under a spinlock
 * check-error-start
test.c:16:18: warning: pool_get() may sleep (kmalloc()) and is called with '&c->lock' held: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:15: note: '&c->lock' (struct conn::lock) acquired here
test.c:16:18: note: conn_prepare() calls pool_get() with GFP flags 0xcc0
pool.c:19:16: note: pool_get() calls pool_alloc_raw()
pool.c:12:16: note: pool_alloc_raw() calls kmalloc() with its caller's GFP flags, which may sleep
 * check-error-end
 */
