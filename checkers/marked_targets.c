// SPDX-License-Identifier: MIT
/*
 * Marked targets of calls, in order.  The calls of one name or through
 * one field share their array of targets (callgraph.c): each such array
 * gets, on its first use, a bit set of the positions of its marked
 * functions, and marking a function sets its bit in the sets made so
 * far that hold it.  A call with one target looks at that target.
 */
#include <limits.h>
#include <stdlib.h>

#include "lockscope/context.h"
#include "lockscope/diag.h"
#include "lockscope/marked_targets.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"

#define WORD_BITS 64
/*
 * The marked functions' addresses hashed, in a bit set small enough to
 * stay in cache: most targets are not marked, and are told so without
 * reading the function to number it.
 */
#define FILTER_BITS (1u << 20)

struct marked_list {
	struct func *const *fns;
	int n, nmarked;
	unsigned long long *bits;
};

/* @fn is at @pos of list @list; @next: the function's next one, + 1. */
struct membership {
	unsigned int list, pos, next;
};

static unsigned long long *filter;	/* FILTER_BITS */
static unsigned char *marked;		/* by function */
static unsigned int *first_member;	/* by function: a membership + 1 */
static struct membership *members;
static unsigned int nmembers, amembers;
static struct marked_list *lists;
static unsigned int nlists, alists;
static struct ptrtab list_of;		/* targets array -> list + 1 */

void marked_targets_init(const struct program *prog)
{
	size_t n = prog->nfuncs ? prog->nfuncs : 1;

	marked_targets_free();
	marked = ls_xcalloc(n, sizeof(*marked));
	filter = ls_xcalloc(FILTER_BITS / WORD_BITS, sizeof(*filter));
	first_member = ls_xcalloc(n, sizeof(*first_member));
}

void marked_targets_free(void)
{
	unsigned int l;

	for (l = 0; l < nlists; l++)
		free(lists[l].bits);
	free(lists);
	free(members);
	free(first_member);
	free(marked);
	free(filter);
	ptrtab_clear(&list_of);
	lists = NULL;
	members = NULL;
	first_member = NULL;
	marked = NULL;
	filter = NULL;
	nlists = alists = nmembers = amembers = 0;
}

static void set_bit(struct marked_list *l, unsigned int pos)
{
	unsigned long long bit = 1ull << (pos % WORD_BITS);

	if (l->bits[pos / WORD_BITS] & bit)
		return;
	l->bits[pos / WORD_BITS] |= bit;
	l->nmarked++;
}

static unsigned int filter_bit(const struct func *fn)
{
	return hash_ptr3(fn, NULL, NULL) & (FILTER_BITS - 1);
}

void marked_targets_mark(const struct func *fn)
{
	int i = context_func_index(fn);
	unsigned int m, b = filter_bit(fn);

	if (marked[i])
		return;
	marked[i] = 1;
	filter[b / WORD_BITS] |= 1ull << (b % WORD_BITS);
	for (m = first_member[i]; m; m = members[m - 1].next)
		set_bit(&lists[members[m - 1].list], members[m - 1].pos);
}

bool marked_targets_is(const struct func *fn)
{
	unsigned int b = filter_bit(fn);

	if (!(filter[b / WORD_BITS] & 1ull << (b % WORD_BITS)))
		return false;
	return marked[context_func_index(fn)];
}

static void add_member(unsigned int list, unsigned int pos, int fn)
{
	if (nmembers == amembers) {
		amembers = amembers ? amembers * 2 : 1024;
		if (amembers < nmembers || amembers > UINT_MAX / 2)
			ls_fatal("marked targets: too many calls' targets");
		members = ls_xrealloc(members, amembers * sizeof(*members));
	}
	members[nmembers] = (struct membership){ list, pos, first_member[fn] };
	first_member[fn] = ++nmembers;
}

static const struct marked_list *list_for(const struct callsite *cs)
{
	unsigned long l = (unsigned long)ptrtab_get(&list_of, cs->targets);
	struct marked_list *list;
	int t;

	if (l)
		return &lists[l - 1];
	if (nlists == alists) {
		alists = alists ? alists * 2 : 256;
		lists = ls_xrealloc(lists, alists * sizeof(*lists));
	}
	list = &lists[nlists];
	list->fns = cs->targets;
	list->n = cs->ntargets;
	list->nmarked = 0;
	list->bits = ls_xcalloc((cs->ntargets + WORD_BITS - 1) / WORD_BITS, sizeof(*list->bits));
	for (t = 0; t < cs->ntargets; t++) {
		int fn = context_func_index(cs->targets[t]);

		add_member(nlists, t, fn);
		if (marked[fn])
			set_bit(list, t);
	}
	ptrtab_put(&list_of, cs->targets, (void *)(unsigned long)++nlists);
	return list;
}

void marked_iter_begin(struct marked_iter *it, const struct callsite *cs)
{
	it->cs = cs;
	it->list = NULL;
	it->pos = 0;
	if (cs->ntargets > 1)
		it->list = list_for(cs);
}

int marked_iter_next(struct marked_iter *it)
{
	const struct marked_list *l = it->list;
	unsigned long long word;
	int w;

	if (!l) {
		/* one target, or none */
		if (it->pos++ || !it->cs->ntargets || !marked_targets_is(it->cs->targets[0]))
			return -1;
		return 0;
	}
	if (!l->nmarked || it->pos >= l->n)
		return -1;
	w = it->pos / WORD_BITS;
	word = l->bits[w] & (~0ull << (it->pos % WORD_BITS));
	while (!word) {
		if (++w >= (l->n + WORD_BITS - 1) / WORD_BITS)
			return -1;
		word = l->bits[w];
	}
	it->pos = w * WORD_BITS + __builtin_ctzll(word) + 1;
	return it->pos - 1;
}
