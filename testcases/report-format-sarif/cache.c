#include "kernel.h"
#include "pool.h"

/* cache -> pool */
void pool_cache_drain(struct pool_cache *c)
{
	mutex_lock(&c->lock);
	mutex_lock(&c->pool->lock);
	c->pool->nfree += c->count;
	c->count = 0;
	mutex_unlock(&c->pool->lock);
	mutex_unlock(&c->lock);
}
