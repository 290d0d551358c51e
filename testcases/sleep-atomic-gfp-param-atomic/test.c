#include "kernel.h"

struct pool;
void *pool_get(struct pool *p, unsigned int gfp);

struct conn {
	spinlock_t lock;
	struct pool *pool;
	void *hdr;
};

/* GFP_ATOMIC passed down two calls, under the connection's spinlock. */
void conn_prepare(struct conn *c)
{
	spin_lock(&c->lock);
	c->hdr = pool_get(c->pool, GFP_ATOMIC);
	spin_unlock(&c->lock);
}

/*
 * check-name: GFP_ATOMIC passed through parameters to kmalloc() under a spinlock: silent
 */
