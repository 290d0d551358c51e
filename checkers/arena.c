// SPDX-License-Identifier: MIT
/*
 * Bump allocation from big blocks, for records that are never freed.
 */
#include "lockscope/arena.h"
#include "lockscope/strbuf.h"

#define BLOCK (4u << 20)
#define ALIGN 8

void *arena_alloc(struct arena *a, size_t size)
{
	void *p;

	size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	/* a big request gets a block of its own; the current one stays */
	if (size > BLOCK / 16)
		return ls_xmalloc(size);
	if ((size_t)(a->end - a->next) < size) {
		a->next = ls_xmalloc(BLOCK);
		a->end = a->next + BLOCK;
	}
	p = a->next;
	a->next += size;
	return p;
}
