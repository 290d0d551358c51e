// SPDX-License-Identifier: MIT
/*
 * Bump allocation from big blocks, for records that are never freed,
 * or freed all together back to a mark (a facts file that turned out bad).
 */
#include <stdlib.h>
#include <sys/mman.h>

#include "lockscope/arena.h"
#include "lockscope/diag.h"
#include "lockscope/strbuf.h"

#define BLOCK (4u << 20)
#define HUGE_PAGE (2u << 20)
#define ALIGN 8

struct arena_block {
	struct arena_block *older;
	size_t pad;			/* keeps what follows aligned */
};

static void *new_block(struct arena *a, size_t size)
{
	struct arena_block *b = ls_xmalloc(sizeof(*b) + size);

	b->older = a->blocks;
	a->blocks = b;
	return b + 1;
}

/*
 * A BLOCK in huge pages where the kernel has them for the asking: each
 * new page of memory costs a fault, and a kernel's facts take a GB.
 */
static char *new_big_block(struct arena *a)
{
	struct arena_block *b;
	void *mem;

	if (posix_memalign(&mem, HUGE_PAGE, BLOCK))
		ls_fatal("out of memory");
#ifdef MADV_HUGEPAGE
	madvise(mem, BLOCK, MADV_HUGEPAGE);
#endif
	b = mem;
	b->older = a->blocks;
	a->blocks = b;
	a->end = (char *)mem + BLOCK;
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

struct arena_mark arena_mark(const struct arena *a)
{
	return (struct arena_mark){ a->next, a->end, a->blocks };
}

void arena_rewind(struct arena *a, const struct arena_mark *m)
{
	while (a->blocks != m->blocks) {
		struct arena_block *b = a->blocks;

		a->blocks = b->older;
		free(b);
	}
	a->next = m->next;
	a->end = m->end;
}
