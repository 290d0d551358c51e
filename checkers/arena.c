// SPDX-License-Identifier: MIT
/*
 * Bump allocation from big blocks, for records that are never freed,
 * or freed all together back to a mark (a facts file that turned out bad).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "lockscope/arena.h"
#include "lockscope/block_supply.h"
#include "lockscope/diag.h"
#include "lockscope/strbuf.h"

#define BLOCK BLOCK_SUPPLY_BYTES
#define HUGE_PAGE (2u << 20)
#define ALIGN 8

struct arena_block {
	struct arena_block *older;
	size_t supplied;		/* from block_supply_take(), not malloc */
};

static void *new_block(struct arena *a, size_t size)
{
	struct arena_block *b = ls_xmalloc(sizeof(*b) + size);

	b->older = a->blocks;
	b->supplied = false;
	a->blocks = b;
	return b + 1;
}

/*
 * A BLOCK in huge pages where the kernel has them for the asking: each
 * new page of memory costs a fault, and a kernel's facts take a GB.
 */
static char *new_big_block(struct arena *a)
{
	struct arena_block *b = block_supply_take();

	b->older = a->blocks;
	b->supplied = true;
	a->blocks = b;
	a->end = (char *)b + BLOCK;
	return (char *)(b + 1);
}

void *arena_alloc(struct arena *a, size_t size)
{
	void *p;

	size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	/* a big request gets a block of its own; the current one stays */
	if (size > BLOCK / 16)
		return new_block(a, size);
	if ((size_t)(a->end - a->next) < size)
		a->next = new_big_block(a);
	p = a->next;
	a->next += size;
	return p;
}

void *arena_alloc_aligned(struct arena *a, size_t size, size_t align)
{
	uintptr_t at = ((uintptr_t)a->next + align - 1) & ~(uintptr_t)(align - 1);
	char *p;

	/* what follows stays aligned for scalars */
	size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (a->next && at + size <= (uintptr_t)a->end) {
		a->next = (char *)at + size;
		return (void *)at;
	}
	/* a new block: its start is aligned for scalars only */
	p = arena_alloc(a, size + align - ALIGN);
	return (void *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1));
}

void *arena_realloc(struct arena *a, void *p, size_t old, size_t size)
{
	size_t old_end = (old + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	size_t new_end = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	void *q;

	/* the newest allocation grows where it is, while its block has room */
	if (p && (char *)p + old_end == a->next && new_end >= old_end &&
	    new_end - old_end <= (size_t)(a->end - a->next)) {
		a->next += new_end - old_end;
		return p;
	}
	q = arena_alloc(a, size);
	if (p)
		memcpy(q, p, old < size ? old : size);
	return q;
}

struct arena_mark arena_mark(const struct arena *a)
{
	return (struct arena_mark){ a->next, a->end, a->blocks };
}

void arena_rewind(struct arena *a, const struct arena_mark *m)
{
	while (a->blocks != m->blocks) {
		struct arena_block *b = a->blocks;

		a->blocks = b->older;
		if (b->supplied)
			block_supply_give(b);
		else
			free(b);
	}
	a->next = m->next;
	a->end = m->end;
}

/*
 * A big table is probed at random: in 4 kB pages each probe is a TLB
 * miss and each first touch a fault, which is dear in a VM.
 */
static size_t table_bytes(size_t bytes)
{
	return (bytes + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
}

void *huge_map(size_t bytes)
{
	/* the slack lets the mapping start on a huge page boundary */
	size_t len = bytes + HUGE_PAGE;
	char *mem, *p;

	mem = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		ls_fatal("out of memory");
	p = (char *)(((uintptr_t)mem + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
	if (p > mem)
		munmap(mem, p - mem);
	if (mem + len > p + bytes)
		munmap(p + bytes, mem + len - (p + bytes));
#ifdef MADV_HUGEPAGE
	madvise(p, bytes, MADV_HUGEPAGE);
#endif
	return p;
}

void *table_alloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		ls_fatal("out of memory");
	if (n * size < TABLE_HUGE)
		return ls_xcalloc(n, size);
	return huge_map(table_bytes(n * size));
}

/*
 * A huge table's memory goes to the block supply, a block at a time, for
 * the arenas: its pages are faulted in, and fresh ones cost a host fault
 * each in a VM.  At kernel size the tables outgrown in the load and the
 * large cycle's callers are 250 MB.
 */
static void table_release(void *table, size_t bytes)
{
	char *p = table;

	for (; bytes >= BLOCK; p += BLOCK, bytes -= BLOCK)
		block_supply_give(p);
	if (bytes)
		munmap(p, bytes);
}

void table_ask_ahead(struct table_ahead *ahead, size_t used, size_t n, size_t size)
{
	if (ahead->order || used * 8 <= 3 * n || 2 * n * size < TABLE_HUGE)
		return;
	ahead->order = block_supply_order(table_bytes(2 * n * size));
	ahead->n = 2 * n;
}

void table_ahead_drop(struct table_ahead *ahead, size_t size)
{
	if (!ahead->order)
		return;
	table_release(block_supply_collect(ahead->order), table_bytes(ahead->n * size));
	ahead->order = NULL;
}

void *table_alloc_ahead(struct table_ahead *ahead, size_t n, size_t size)
{
	struct block_order *order = ahead->order;

	if (order && ahead->n == n) {
		ahead->order = NULL;
		return block_supply_collect(order);
	}
	table_ahead_drop(ahead, size);
	return table_alloc(n, size);
}

void table_free(void *table, size_t n, size_t size)
{
	if (!table)
		return;
	if (n * size < TABLE_HUGE)
		free(table);
	else
		table_release(table, table_bytes(n * size));
}
