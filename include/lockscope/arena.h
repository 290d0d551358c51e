/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_ARENA_H
#define LOCKSCOPE_ARENA_H

#include <stddef.h>

/*
 * A bump allocator for the many small records that live until exit:
 * no per-allocation header, nothing to free one by one.
 */
struct arena_block;

struct arena {
	char *next, *end;
	struct arena_block *blocks;	/* newest first, big requests too */
};

/* Where an arena stood: what arena_rewind() goes back to. */
struct arena_mark {
	char *next, *end;
	struct arena_block *blocks;
};

/* @size bytes aligned for any scalar. */
void *arena_alloc(struct arena *a, size_t size);
/* @size bytes aligned to @align, a power of two. */
void *arena_alloc_aligned(struct arena *a, size_t size, size_t align);

/*
 * @p (@old bytes, from @a) made @size bytes: in place if it is the
 * newest allocation and its block has room, else a copy (the old one
 * stays allocated until a rewind).
 */
void *arena_realloc(struct arena *a, void *p, size_t old, size_t size);

struct arena_mark arena_mark(const struct arena *a);
/* Free everything allocated since @m was taken. */
void arena_rewind(struct arena *a, const struct arena_mark *m);

/*
 * A zeroed mapping of @bytes, a multiple of a huge page, aligned to one
 * and in huge pages where the kernel gives them; munmap() frees it.
 */
void *huge_map(size_t bytes);

/*
 * A zeroed table of @n elements of @size bytes, freed by table_free()
 * with the same @n and @size: one of TABLE_HUGE bytes or more is in
 * huge pages where the kernel gives them.
 */
#define TABLE_HUGE (2u << 20)
void *table_alloc(size_t n, size_t size);
void table_free(void *table, size_t n, size_t size);

/*
 * A table that doubles when half full asks for its next size when three
 * eighths full (table_ask_ahead(), with its present @n), and takes it
 * from table_alloc_ahead(): faulted in ahead by the block filler, when
 * it runs and the table is huge, instead of by the main thread as it
 * rehashes into it.
 */
struct table_ahead {
	struct block_order *order;
	size_t n;			/* of the table asked for */
};

void table_ask_ahead(struct table_ahead *ahead, size_t used, size_t n, size_t size);
void *table_alloc_ahead(struct table_ahead *ahead, size_t n, size_t size);
/* The table will not grow again: hand back the next size, if asked for. */
void table_ahead_drop(struct table_ahead *ahead, size_t size);

#endif
