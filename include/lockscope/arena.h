/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_ARENA_H
#define LOCKSCOPE_ARENA_H

#include <stddef.h>

/*
 * A bump allocator for the many small records that live until exit:
 * no per-allocation header, nothing to free one by one.
 */
struct arena {
	char *next, *end;
};

/* @size bytes aligned for any scalar. */
void *arena_alloc(struct arena *a, size_t size);

#endif
