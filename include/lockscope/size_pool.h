/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_SIZE_POOL_H
#define LOCKSCOPE_SIZE_POOL_H

#include <stddef.h>

#include "lockscope/arena.h"

/*
 * Buffers of power-of-two sizes, and half as much again, carved from an
 * arena (so from huge pages), with a free list per size: for the many
 * buffers that grow by doubling and are freed and taken again, which
 * from malloc cost a page fault per 4 kB touched and a search of
 * malloc's free lists.
 */
#define SIZE_POOL_MIN 16
#define SIZE_POOL_CLASSES 41	/* by half steps: SIZE_POOL_MIN << 20 == 16 MB */

struct size_pool {
	struct arena arena;
	void *free[SIZE_POOL_CLASSES];
};

/* At least @bytes, not zeroed, freed by size_pool_free() with the same @bytes. */
void *size_pool_alloc(struct size_pool *p, size_t bytes);
void size_pool_free(struct size_pool *p, void *mem, size_t bytes);
/* A free buffer of @bytes' size, or NULL: for a caller that carves it up. */
void *size_pool_take_free(struct size_pool *p, size_t bytes);
/* @mem, of @old bytes (0: none), made @bytes long: a new buffer, copied. */
void *size_pool_grow(struct size_pool *p, void *mem, size_t old, size_t bytes);
/* Free every buffer, handing the arena's blocks back. */
void size_pool_release(struct size_pool *p);

#endif
