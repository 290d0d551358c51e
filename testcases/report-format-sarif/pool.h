/* A buffer pool and its per-CPU cache. */
#ifndef TEST_POOL_H
#define TEST_POOL_H

struct pool_cache;

struct pool {
	struct mutex lock;
	struct pool_cache *cache;
	int nfree;
};

struct pool_cache {
	struct mutex lock;
	struct pool *pool;
	int count;
};

#endif
