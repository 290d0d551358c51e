// SPDX-License-Identifier: MIT
/*
 * use-after-free, within one function: after a call that frees an object
 * (rules/frees.tab), a load or a store through a pointer into it, the
 * pointer or a member's address handed to a call, or a second free, on
 * some path from the free.  The classic case is a remove() or disconnect()
 * that frees the net_device and then touches its netdev_priv() area.
 *
 * A pointer "into" the object is one computed from the freed pointer by
 * casts and constant offsets: &p->member, netdev_priv(p), container_of().
 * sparse's SSA form does the rest: "p = NULL" or "p = q" after the free
 * makes a new pseudo, and a pointer derived before the free still names
 * the freed object when it is used after it.
 *
 * Precision first:
 *  - a pointer used only as a value (compared, stored, returned, passed
 *    to a printk()-style "..." argument) is no use;
 *  - paths do not go round loops: a value used in the next iteration may
 *    be a new object (a list walk frees each node after reading ->next),
 *    and whether a loop repeats is not known here.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "symbol.h"
#include "lockscope/check.h"
#include "lockscope/diag.h"
#include "lockscope/resources.h"
#include "lockscope/frees.h"
#include "lockscope/lockid.h"
#include "lockscope/ptrtab.h"
#include "lockscope/source.h"
#include "lockscope/strbuf.h"

/* A basic block, with its place in a depth-first walk of the graph. */
struct block {
	struct basic_block *bb;
	int *succ;
	int nsucc;
	int pre, post;		/* depth-first entry and exit numbers */
	unsigned int mark;	/* the search that last reached it */
};

struct uaf_ctx {
	struct fn_ctx *fn;
	struct ptrtab index;	/* basic block -> 1 + its number */
	struct block *blocks;
	int nblocks;
	unsigned int search;
	struct ptrtab reported;	/* uses already reported */
};

/* What a use of the freed object is. */
enum use_kind {
	USE_NONE,
	USE_ACCESS,		/* a load or a store through it */
	USE_PASSED,		/* handed to a call */
	USE_FREED,		/* freed again */
	USE_REF,		/* a reference to it dropped */
};

struct use {
	enum use_kind kind;
	struct instruction *insn;
	pseudo_t ptr;		/* the pointer as the use has it */
	int arg;		/* a call's argument it is, or -1 */
};

static int block_nr(struct uaf_ctx *c, struct basic_block *bb)
{
	return (int)(uintptr_t)ptrtab_get(&c->index, bb) - 1;
}

static void number_blocks(struct uaf_ctx *c)
{
	struct basic_block *bb, *child;
	int i = 0;

	FOR_EACH_PTR(c->fn->ep->bbs, bb) {
		c->nblocks++;
	} END_FOR_EACH_PTR(bb);
	c->blocks = ls_xcalloc(c->nblocks, sizeof(*c->blocks));
	FOR_EACH_PTR(c->fn->ep->bbs, bb) {
		c->blocks[i].bb = bb;
		c->blocks[i].pre = -1;
		ptrtab_put(&c->index, bb, (void *)(uintptr_t)(i + 1));
		i++;
	} END_FOR_EACH_PTR(bb);
	for (i = 0; i < c->nblocks; i++) {
		struct block *b = &c->blocks[i];

		FOR_EACH_PTR(b->bb->children, child) {
			int nr = block_nr(c, child);

			if (nr < 0)
				continue;
			b->succ = ls_xrealloc(b->succ, (b->nsucc + 1) * sizeof(*b->succ));
			b->succ[b->nsucc++] = nr;
		} END_FOR_EACH_PTR(child);
	}
}

/* Depth-first from the entry, without recursion: kernel functions are big. */
static void walk_depth_first(struct uaf_ctx *c)
{
	int *stack = ls_xmalloc(c->nblocks * sizeof(*stack));
	int *next = ls_xcalloc(c->nblocks, sizeof(*next));
	int top = 0, clock = 0, entry = block_nr(c, c->fn->ep->entry->bb);

	if (entry < 0)
		goto out;
	stack[top++] = entry;
	c->blocks[entry].pre = clock++;
	while (top) {
		struct block *b = &c->blocks[stack[top - 1]];

		if (next[stack[top - 1]] < b->nsucc) {
			int s = b->succ[next[stack[top - 1]]++];

			if (c->blocks[s].pre < 0) {
				c->blocks[s].pre = clock++;
				stack[top++] = s;
			}
			continue;
		}
		b->post = clock++;
		top--;
	}
out:
	free(next);
	free(stack);
}

/*
 * Does the edge from @from to @to go back to a block the walk was still
 * inside of, i.e. round a loop?  (Unreached blocks have no edges worth
 * taking either.)
 */
static bool goes_back(struct uaf_ctx *c, int from, int to)
{
	const struct block *f = &c->blocks[from], *t = &c->blocks[to];

	if (f->pre < 0 || t->pre < 0)
		return true;
	return t->pre <= f->pre && f->post <= t->post;
}


static bool into(pseudo_t p, pseudo_t object)
{
	return p && p != VOID && pointer_object(p) == object;
}

static struct symbol *strip_node(struct symbol *sym)
{
	while (sym && (sym->type == SYM_NODE || sym->type == SYM_TYPEOF))
		sym = sym->ctype.base_type;
	return sym;
}

/*
 * How many of @call's arguments have a declared parameter: the rest are
 * a "..." (printk("%p", p) prints a pointer, it does not follow it).
 */
static int named_args(struct instruction *call)
{
	struct symbol *type = strip_node(first_symbol(call->fntypes));

	if (type && type->type == SYM_PTR)
		type = strip_node(type->ctype.base_type);
	if (!type || type->type != SYM_FN || !type->variadic)
		return INT32_MAX;
	return symbol_list_size(type->arguments);
}

static const char *callee_name(struct instruction *call)
{
	if (call->func && call->func->type == PSEUDO_SYM &&
	    call->func->sym->ident)
		return call->func->sym->ident->name;
	return NULL;
}

/*
 * The argument @call frees (or, with @ref set, drops a reference to), or
 * NULL; its number in @nr.
 */
static pseudo_t freed_arg(struct instruction *call, int *nr, bool *ref)
{
	const char *name = callee_name(call);

	*ref = false;
	*nr = name ? frees_lookup(name, ref) : -1;
	if (*nr < 0)
		return NULL;
	return ptr_list_nth_entry((struct ptr_list *)call->arguments, *nr);
}

/* Is @insn a use of @object?  What kind, and through which pointer. */
static struct use use_of(struct instruction *insn, pseudo_t object)
{
	struct use use = { USE_NONE, insn, NULL, -1 };
	pseudo_t arg;
	int i = 0, named, nr;
	bool ref;

	switch (insn->opcode) {
	case OP_LOAD:
	case OP_STORE:
		if (into(insn->src, object)) {
			use.kind = USE_ACCESS;
			use.ptr = insn->src;
		}
		break;
	case OP_CALL:
		arg = freed_arg(insn, &nr, &ref);
		if (into(arg, object)) {
			use.kind = ref ? USE_REF : USE_FREED;
			use.ptr = arg;
			use.arg = nr;
			break;
		}
		if (into(insn->func, object)) {
			use.kind = USE_PASSED;
			use.ptr = insn->func;
			break;
		}
		named = named_args(insn);
		FOR_EACH_PTR(insn->arguments, arg) {
			if (i >= named)
				break;
			if (into(arg, object)) {
				use.kind = USE_PASSED;
				use.ptr = arg;
				use.arg = i;
				break;
			}
			i++;
		} END_FOR_EACH_PTR(arg);
		break;
	default:
		break;
	}
	return use;
}

static bool earlier(struct position a, struct position b)
{
	if (a.line != b.line)
		return a.line < b.line;
	return a.pos < b.pos;
}

/*
 * Keep the first use in source order, of the second free apart.  A
 * reference dropped later wins over both: the free was not the last one
 * (the core's netdev_run_todo() calls free_netdev() on a registered
 * device, which only drops a reference, and then kobject_put()).
 */
static void note_use(struct use *best, struct use *again, const struct use *u)
{
	struct use *slot = u->kind == USE_FREED ? again : best;

	if (best->kind == USE_REF)
		return;
	if (u->kind == USE_REF) {
		*best = *u;
		return;
	}

	if (slot->kind == USE_NONE || earlier(u->insn->pos, slot->insn->pos))
		*slot = *u;
}

/*
 * Scan @b from the instruction after @from (NULL: from its start) for uses
 * of @object.  False when the block gives @object's pseudo a new value:
 * the path goes no further with the old one.
 */
static bool scan_block(struct block *b, struct instruction *from, pseudo_t object,
		       struct use *best, struct use *again)
{
	struct instruction *insn;
	bool on = !from;

	FOR_EACH_PTR(b->bb->insns, insn) {
		struct use u;

		if (!on) {
			on = insn == from;
			continue;
		}
		if (!insn->bb)
			continue;
		if (object->type == PSEUDO_REG && insn == object->def)
			return false;
		u = use_of(insn, object);
		if (u.kind != USE_NONE)
			note_use(best, again, &u);
	} END_FOR_EACH_PTR(insn);
	return true;
}

/* Every block reachable from @free without going round a loop. */
static void search_from(struct uaf_ctx *c, struct instruction *call, pseudo_t object,
			struct use *best, struct use *again)
{
	int *queue = ls_xmalloc(c->nblocks * sizeof(*queue));
	int head = 0, tail = 0, start = block_nr(c, call->bb), i;

	if (start < 0)
		goto out;
	c->search++;
	c->blocks[start].mark = c->search;
	queue[tail++] = start;
	while (head < tail) {
		int nr = queue[head++];
		struct block *b = &c->blocks[nr];

		if (!scan_block(b, nr == start ? call : NULL, object, best, again))
			continue;
		for (i = 0; i < b->nsucc; i++) {
			int s = b->succ[i];

			if (c->blocks[s].mark == c->search || goes_back(c, nr, s))
				continue;
			c->blocks[s].mark = c->search;
			queue[tail++] = s;
		}
	}
out:
	free(queue);
}

/* The pointer as lockid names it, when the source does not say. */
static char *describe(struct uaf_ctx *c, pseudo_t p)
{
	struct lock_ref ref = { 0 };
	char *name;

	lockid_describe(c->fn->ep, p, NULL, NULL, &ref);
	name = ls_xstrdup(ref.instance ? ref.instance : "?");
	lockid_release(&ref);
	return name;
}

/*
 * Argument @nr of @call as written, if the call at its position is the
 * one written there (an inlined body's calls take their caller's place).
 */
static char *arg_text(struct uaf_ctx *c, struct instruction *call, int nr)
{
	struct position pos = call->pos;
	const char *callee = callee_name(call);
	char name[128] = "", text[128];

	source_call_name(&pos, name, sizeof(name));
	if (nr >= 0 && callee && !strcmp(name, callee) &&
	    source_call_arg(call->pos, nr, text, sizeof(text)))
		return ls_xstrdup(text);
	return describe(c, ptr_list_nth_entry((struct ptr_list *)call->arguments, nr));
}

/*
 * What a use goes through, as written: "priv->stats", "&dev->tx_anchor";
 * the freed pointer itself as the free has it.
 */
static char *use_text(struct uaf_ctx *c, const struct use *u,
		      struct instruction *call, int arg, pseudo_t freed)
{
	char text[128];

	if (u->kind == USE_ACCESS &&
	    source_access_path(u->insn->pos, text, sizeof(text)))
		return ls_xstrdup(text);
	if (u->arg >= 0)
		return arg_text(c, u->insn, u->arg);
	if (u->ptr == freed)
		return arg_text(c, call, arg);
	return describe(c, u->ptr);
}

static void report(struct uaf_ctx *c, struct instruction *call, int arg,
		   pseudo_t freed, const struct use *u)
{
	const char *fname = callee_name(call);
	char *what, *whom;

	if (u->kind == USE_NONE || u->kind == USE_REF ||
	    ptrtab_get(&c->reported, u->insn))
		return;
	ptrtab_put(&c->reported, u->insn, u->insn);
	what = use_text(c, u, call, arg, freed);
	whom = arg_text(c, call, arg);
	switch (u->kind) {
	case USE_FREED:
		ls_warn(u->insn->pos, "use-after-free",
			"%s() frees '%s', which %s() already freed: double free",
			callee_name(u->insn), what, fname);
		break;
	case USE_PASSED:
		ls_warn(u->insn->pos, "use-after-free",
			"'%s' is passed to %s() after %s() freed '%s'",
			what, callee_name(u->insn) ?: "a call", fname, whom);
		break;
	default:
		ls_warn(u->insn->pos, "use-after-free",
			"'%s' is used after %s() freed '%s'", what, fname, whom);
		break;
	}
	ls_note(call->pos, "%s() frees '%s' here", fname, whom);
	free(what);
	free(whom);
}

static void check_free(struct uaf_ctx *c, struct instruction *call, int arg,
		       pseudo_t freed)
{
	struct use best = { USE_NONE, NULL, NULL, -1 }, again = best;
	pseudo_t object = pointer_object(freed);

	/* kfree(NULL) and friends free nothing */
	if (object->type != PSEUDO_REG && object->type != PSEUDO_ARG)
		return;
	search_from(c, call, object, &best, &again);
	if (best.kind == USE_REF)
		return;
	report(c, call, arg, freed, &best);
	report(c, call, arg, freed, &again);
}

static void uaf_function(struct fn_ctx *fn)
{
	struct uaf_ctx c = { .fn = fn };
	struct basic_block *bb;
	struct instruction *insn;
	int i;

	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			pseudo_t freed;
			bool ref;
			int arg;

			if (!insn->bb || insn->opcode != OP_CALL)
				continue;
			freed = freed_arg(insn, &arg, &ref);
			if (!freed || ref)
				continue;
			if (!c.blocks) {
				number_blocks(&c);
				walk_depth_first(&c);
			}
			check_free(&c, insn, arg, freed);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);

	for (i = 0; i < c.nblocks; i++)
		free(c.blocks[i].succ);
	free(c.blocks);
	ptrtab_clear(&c.index);
	ptrtab_clear(&c.reported);
}

static const struct check use_after_free = {
	.name = "use-after-free",
	.function = uaf_function,
};

void register_use_after_free(void)
{
	check_register(&use_after_free);
}
