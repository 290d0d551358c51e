// SPDX-License-Identifier: MIT
/*
 * Power-of-two buffers from an arena, each freed one onto its size's
 * list, where the next request of that size finds it.
 */
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/size_pool.h"

/*
 * The classes go up by half steps, SIZE_POOL_MIN << k / 2 and half as
 * much again for odd k: a buffer of 3 << n bytes (the 12-byte summary
 * entries by the power of two) fits its class exactly.
 */
static size_t class_bytes(int k)
{
	size_t bytes = (size_t)SIZE_POOL_MIN << k / 2;

	return k & 1 ? bytes + bytes / 2 : bytes;
}

static int size_class(size_t bytes)
{
	int k = 0, log;

	if (bytes > SIZE_POOL_MIN) {
		/* 2^log < bytes <= 2^(log + 1): the class of 3 << (log - 1), or the next */
		log = 63 - __builtin_clzl(bytes - 1);
		k = 2 * (log + 1 - __builtin_ctz(SIZE_POOL_MIN));
		if (bytes <= 3ul << (log - 1))
			k--;
	}
	if (k >= SIZE_POOL_CLASSES)
		ls_fatal("internal error: a pooled buffer of %zu bytes", bytes);
	return k;
}

void *size_pool_alloc(struct size_pool *p, size_t bytes)
{
	int k = size_class(bytes);
	void **mem = p->free[k];

	if (!mem)
		return arena_alloc(&p->arena, class_bytes(k));
	p->free[k] = *mem;
	return mem;
}

void *size_pool_take_free(struct size_pool *p, size_t bytes)
{
	int k = size_class(bytes);
	void **mem = p->free[k];

	if (mem)
		p->free[k] = *mem;
	return mem;
}

/* A free buffer's first bytes link it to the next of its size. */
void size_pool_free(struct size_pool *p, void *mem, size_t bytes)
{
	int k = size_class(bytes);

	*(void **)mem = p->free[k];
	p->free[k] = mem;
}

void *size_pool_grow(struct size_pool *p, void *mem, size_t old, size_t bytes)
{
	void *grown = size_pool_alloc(p, bytes);

	if (old) {
		memcpy(grown, mem, old);
		size_pool_free(p, mem, old);
	}
	return grown;
}

void size_pool_release(struct size_pool *p)
{
	int k;

	arena_rewind(&p->arena, &(struct arena_mark){ 0 });
	for (k = 0; k < SIZE_POOL_CLASSES; k++)
		p->free[k] = NULL;
}
