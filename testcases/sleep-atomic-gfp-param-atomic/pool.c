#include "kernel.h"

struct pool {
	spinlock_t lock;
	void *free[16];
	int n;
};

/* The caller chooses the allocation's GFP flags. */
static void *pool_alloc_raw(unsigned int gfp)
{
	return kmalloc(512, gfp);
}

void *pool_get(struct pool *p, unsigned int gfp)
{
	if (p->n)
		return p->free[--p->n];
	return pool_alloc_raw(gfp);
}
