// SPDX-License-Identifier: MIT
/*
 * Execution contexts across the tree.  A callback bound to a field that
 * rules/context.tab names runs in that context, and so does everything
 * it calls: a breadth-first walk from the entries keeps the shortest way
 * in, through at most one call through a function pointer (most of the
 * functions bound to an ops field are other objects') and a few calls.  A function whose
 * every visible call is made with hard irqs (softirqs) off, or from a
 * function that runs so, runs so too; one bound to any other field has
 * callers that are not seen, and is not taken to.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/context.h"
#include "lockscope/diag.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/wholetree.h"

#define MAX_FIELD_HOPS 1
/*
 * Deep chains from an interrupt handler are mostly infeasible (a driver's
 * handler reaching the whole receive path through a branch its hardware
 * never takes) and long to check by hand: a few calls down only.
 */
#define MAX_HOPS 4

/* What a function may run with disabled whenever it runs. */
enum off_what {
	OFF_IRQ,	/* hard irqs */
	OFF_BH,		/* softirqs */
	OFF_LINE,	/* at least the interrupt lines it masks: disable_irq() */
	OFF_NR
};

struct ctx_mark {
	const struct func *parent;	/* the caller on the shortest way in */
	const struct callsite *cs;
	unsigned char hops, fields;
	bool reached;
};

/* Only these contexts are reached down calls; the others are entries. */
#define REACHED_NR (EC_SOFTIRQ + 1)

struct ctx_info {
	struct ctx_mark mark[REACHED_NR];
	int entry;			/* the context it is bound as, or -1 */
	const char *entry_field;
	bool bound;			/* bound to another field: unseen callers */
	bool called;			/* some call reaches it */
	unsigned char off;		/* whenever it runs: bit by enum off_what */
};

static struct ctx_info *all;		/* by function, fn->ctx */
static const struct program *program;
/* context_enabled_caller()'s, by function and context */
static const struct callsite **enabled_callers[REACHED_NR];

static struct ctx_info *ctx_of(const struct func *fn)
{
	return fn->ctx;
}

static const struct ctx_mark *mark_of(const struct func *fn, int ctx)
{
	static const struct ctx_mark unreached;

	return ctx < REACHED_NR ? &ctx_of(fn)->mark[ctx] : &unreached;
}

bool held_irqs_off(const struct held_lock *h, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(h[i].kind, "irq"))
			return true;
	return false;
}

bool held_bh_off(const struct held_lock *h, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(h[i].kind, "bh") || !strcmp(h[i].kind, "irq"))
			return true;
	return false;
}

/*
 * disable_irq() masks one line: its handler cannot run.  Which line the
 * handler is bound to is not followed; irq-inversion pairs sites within
 * one directory, where the line masked is mostly the driver's own.
 */
bool held_line_off(const struct held_lock *h, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(h[i].kind, "irqline"))
			return true;
	return held_irqs_off(h, n);
}

static bool held_off(const struct held_lock *h, int n, enum off_what what)
{
	if (what == OFF_IRQ)
		return held_irqs_off(h, n);
	if (what == OFF_BH)
		return held_bh_off(h, n);
	return held_line_off(h, n);
}

static void mark_binding(struct binding *b, void *data)
{
	int ctx = context_of_field(b->field), i;
	struct func *fn;

	(void)data;
	for (i = 0; i < b->nfns; i++) {
		for (fn = program_function(b->fns[i]); fn; fn = fn->next_same) {
			struct ctx_info *ci = ctx_of(fn);

			if (!ci)
				continue;
			if (ctx < 0) {
				ci->bound = true;
			} else if (ci->entry < 0 || ctx < ci->entry ||
				   /* the bindings come in hash order: pick by name */
				   (ctx == ci->entry &&
				    strcmp(b->field, ci->entry_field) < 0)) {
				ci->entry = ctx;
				ci->entry_field = b->field;
			}
		}
	}
}

/* Does an entry of context @ctx run with @what off? */
static bool entry_disables(int ctx, enum off_what what)
{
	if (ctx == EC_HARDIRQ || ctx == EC_IRQ_OFF)
		return true;
	return what == OFF_BH && (ctx == EC_SOFTIRQ || ctx == EC_BH_OFF);
}

static unsigned int entry_disables_mask(int ctx)
{
	unsigned int mask = 0, what;

	for (what = 0; what < OFF_NR; what++)
		if (entry_disables(ctx, what))
			mask |= 1u << what;
	return mask;
}

static unsigned int held_off_mask(const struct held_lock *h, int n)
{
	unsigned int mask = 0, what;

	if (!n)
		return 0;
	for (what = 0; what < OFF_NR; what++)
		if (held_off(h, n, what))
			mask |= 1u << what;
	return mask;
}

/*
 * The calls once over, as numbers: what each function calls, by index,
 * with what the call is made with off in the top bits.  Reading the
 * calls, their held locks and their targets is a cache miss each: the
 * fixpoint below then walks these arrays instead, for all three at once.
 *
 * The calls of one name (or through one field) share their targets
 * (callgraph.c); through a field those are every function bound to it,
 * thousands at kernel size.  Such a list is one node of its own, after
 * the functions: each call goes to it, and it to the targets, once.  It
 * disables nothing, so what reaches the targets through it is what
 * would reach them call by call.
 */
#define EDGE_SHIFT 29
#define EDGE_INDEX ((1u << EDGE_SHIFT) - 1)
#define SHARED_MIN 2		/* targets for a list to be a node */

struct call_edges {
	unsigned int nnodes;		/* the functions, then the shared lists */
	unsigned int *first;		/* by node, nnodes + 1 */
	unsigned int *edge;		/* callee node | held off << EDGE_SHIFT */
	size_t nedges, aedges;
	struct func *const **lists;	/* the shared lists, by node - nfuncs */
	int *nlist;
	unsigned int nlists, alists;
	struct ptrtab list_node;	/* targets array -> node + 1 */
};

static void add_edge(struct call_edges *g, unsigned int to)
{
	if (g->nedges == g->aedges) {
		g->aedges = g->aedges ? g->aedges * 2 : 1024;
		g->edge = ls_xrealloc(g->edge, g->aedges * sizeof(*g->edge));
	}
	g->edge[g->nedges++] = to;
	if (g->nedges > UINT_MAX)
		ls_fatal("contexts: more than %u calls", UINT_MAX);
}

static unsigned int func_node(const struct func *fn)
{
	struct ctx_info *ci = ctx_of(fn);

	ci->called = true;
	return ci - all;
}

/* The node of @cs's shared targets, made on the first call with them. */
static unsigned int list_node(struct call_edges *g, const struct callsite *cs)
{
	unsigned long node = (unsigned long)ptrtab_get(&g->list_node, cs->targets);
	int t;

	if (node)
		return node - 1;
	if (g->nlists == g->alists) {
		g->alists = g->alists ? g->alists * 2 : 256;
		g->lists = ls_xrealloc(g->lists, g->alists * sizeof(*g->lists));
		g->nlist = ls_xrealloc(g->nlist, g->alists * sizeof(*g->nlist));
	}
	g->lists[g->nlists] = (struct func *const *)cs->targets;
	g->nlist[g->nlists] = cs->ntargets;
	node = program->nfuncs + g->nlists++;
	if (node > EDGE_INDEX)
		ls_fatal("contexts: more than %u functions and lists of targets", EDGE_INDEX);
	ptrtab_put(&g->list_node, cs->targets, (void *)(node + 1));
	for (t = 0; t < cs->ntargets; t++)
		ctx_of(cs->targets[t])->called = true;
	return node;
}

static void edges_build(struct call_edges *g)
{
	unsigned int i, l;
	int j, t;

	memset(g, 0, sizeof(*g));
	if ((unsigned int)program->nfuncs > EDGE_INDEX)
		ls_fatal("contexts: %d functions, more than %u", program->nfuncs, EDGE_INDEX);
	g->first = ls_xmalloc((program->nfuncs + 1) * sizeof(*g->first));
	for (i = 0; i < (unsigned int)program->nfuncs; i++) {
		const struct func *fn = program->funcs[i];

		g->first[i] = g->nedges;
		for (j = 0; j < fn->ncalls; j++) {
			const struct callsite *cs = &fn->calls[j];
			unsigned int held;

			if (!cs->ntargets)
				continue;
			held = held_off_mask(cs->held, cs->nheld) << EDGE_SHIFT;
			if (cs->ntargets >= SHARED_MIN) {
				add_edge(g, list_node(g, cs) | held);
				continue;
			}
			for (t = 0; t < cs->ntargets; t++)
				add_edge(g, func_node(cs->targets[t]) | held);
		}
	}
	g->nnodes = program->nfuncs + g->nlists;
	g->first = ls_xrealloc(g->first, (g->nnodes + 1) * sizeof(*g->first));
	for (l = 0; l < g->nlists; l++) {
		g->first[program->nfuncs + l] = g->nedges;
		for (t = 0; t < g->nlist[l]; t++)
			add_edge(g, ctx_of(g->lists[l][t]) - all);
	}
	g->first[g->nnodes] = g->nedges;
	ptrtab_clear(&g->list_node);
	free(g->lists);
	free(g->nlist);
}

/* @cs from @fn reaches function @node in @ctx: keep the shortest way in. */
static void reach_target(const struct func *fn, const struct callsite *cs,
			 const struct ctx_mark *m, int fields, int ctx, unsigned int node,
			 const struct func **queue, int *tail)
{
	struct ctx_mark *tm = &all[node].mark[ctx];

	if (tm->reached && tm->fields <= fields)
		return;
	if (!tm->reached) {
		queue[*tail] = program->funcs[node];
		*tail = (*tail + 1) % (program->nfuncs + 1);
	}
	tm->reached = true;
	tm->parent = fn;
	tm->cs = cs;
	tm->hops = m->hops + 1;
	tm->fields = fields;
}

/*
 * Breadth first from the entries of @ctx.  The targets are read off the
 * edges (a call with targets has one, in order), by number: a field's
 * thousands of targets are not each a struct func to read.
 */
static void reach(const struct call_edges *g, int ctx)
{
	const struct func **queue;
	int head = 0, tail = 0, i, j;
	unsigned int e, l;

	queue = ls_xcalloc(program->nfuncs + 1, sizeof(*queue));
	for (i = 0; i < program->nfuncs; i++) {
		struct ctx_info *ci = &all[i];

		if (ci->entry != ctx)
			continue;
		ci->mark[ctx].reached = true;
		queue[tail++] = program->funcs[i];
	}
	while (head != tail) {
		const struct func *fn = queue[head];
		const struct ctx_mark *m = &ctx_of(fn)->mark[ctx];

		head = (head + 1) % (program->nfuncs + 1);
		if (m->hops >= MAX_HOPS)
			continue;
		e = g->first[ctx_of(fn) - all];
		for (j = 0; j < fn->ncalls; j++) {
			const struct callsite *cs = &fn->calls[j];
			int fields = m->fields + (call_via(cs) != NULL);
			unsigned int node;

			if (!cs->ntargets)
				continue;
			node = g->edge[e++] & EDGE_INDEX;
			if (fields > MAX_FIELD_HOPS)
				continue;
			if (node < (unsigned int)program->nfuncs) {
				reach_target(fn, cs, m, fields, ctx, node, queue, &tail);
				continue;
			}
			for (l = g->first[node]; l < g->first[node + 1]; l++)
				reach_target(fn, cs, m, fields, ctx, g->edge[l] & EDGE_INDEX,
					     queue, &tail);
		}
	}
	free(queue);
}

/*
 * Greatest fixpoint: off unless some call is made with it on.  A node
 * is queued when something turns on in it, to turn it on in what it
 * calls; the result does not depend on the order.
 */
static void callers_off(const struct call_edges *g)
{
	unsigned int n = g->nnodes, size = n + 1, head = 0, tail = 0, i, e;
	unsigned char *off = ls_xmalloc(size);
	unsigned char *keep = ls_xcalloc(size, 1);	/* entry_disables() */
	unsigned char *sent = ls_xcalloc(size, 1);	/* already turned on below */
	bool *queued = ls_xcalloc(size, sizeof(*queued));
	unsigned int *queue = ls_xmalloc(size * sizeof(*queue));
	const unsigned int all_off = (1u << OFF_NR) - 1;

	for (i = 0; i < n; i++) {
		/* a list of targets is on only where a call turns it on */
		off[i] = all_off;
		if (i >= (unsigned int)program->nfuncs)
			continue;
		keep[i] = entry_disables_mask(all[i].entry);
		if (all[i].entry >= 0 || all[i].bound || !all[i].called)
			off[i] = keep[i];
		if (off[i] != all_off) {
			queue[tail++] = i;
			queued[i] = true;
		}
	}
	while (head != tail) {
		unsigned int node = queue[head], on;

		head = (head + 1) % size;
		queued[node] = false;
		on = ~off[node] & ~sent[node] & all_off;
		sent[node] |= on;
		for (e = g->first[node]; e < g->first[node + 1]; e++) {
			unsigned int callee = g->edge[e] & EDGE_INDEX;
			unsigned int turn = on & ~(g->edge[e] >> EDGE_SHIFT) & off[callee] &
					    ~keep[callee];

			if (!turn)
				continue;
			off[callee] &= ~turn;
			if (!queued[callee]) {
				queued[callee] = true;
				queue[tail] = callee;
				tail = (tail + 1) % size;
			}
		}
	}
	for (i = 0; i < (unsigned int)program->nfuncs; i++)
		all[i].off = off[i];
	free(queue);
	free(queued);
	free(sent);
	free(keep);
	free(off);
}

/*
 * enabled_callers[], both contexts in one pass over the edges, with
 * what each call is made with off.  A list of targets, once gone
 * through, has every target taken already: it is gone through once.
 */
static const unsigned int enabled_off[REACHED_NR] = {
	[EC_HARDIRQ] = 1u << OFF_LINE, [EC_SOFTIRQ] = 1u << OFF_BH
};

static void take_first(const struct callsite **first, const struct call_edges *g,
		       unsigned char *gone, unsigned int node, const struct callsite *cs)
{
	unsigned int e, n = program->nfuncs;

	if (node < n) {
		if (!first[node])
			first[node] = cs;
		return;
	}
	if (gone[node - n])
		return;
	gone[node - n] = 1;
	for (e = g->first[node]; e < g->first[node + 1]; e++)
		if (!first[g->edge[e] & EDGE_INDEX])
			first[g->edge[e] & EDGE_INDEX] = cs;
}

static void find_enabled_callers(const struct call_edges *g)
{
	size_t nlists = g->nnodes - program->nfuncs + 1;
	unsigned char *gone[REACHED_NR];
	unsigned int e;
	int i, j, ctx;

	for (ctx = 0; ctx < REACHED_NR; ctx++) {
		enabled_callers[ctx] = ls_xcalloc(program->nfuncs ? program->nfuncs : 1,
						  sizeof(*enabled_callers[ctx]));
		gone[ctx] = ls_xcalloc(nlists, 1);
	}
	for (i = 0; i < program->nfuncs; i++) {
		const struct func *caller = program->funcs[i];
		bool on[REACHED_NR] = {
			[EC_HARDIRQ] = !context_line_off(caller),
			[EC_SOFTIRQ] = !context_bh_off(caller),
		};

		if (!on[EC_HARDIRQ] && !on[EC_SOFTIRQ])
			continue;
		e = g->first[i];
		for (j = 0; j < caller->ncalls; j++) {
			const struct callsite *cs = &caller->calls[j];
			unsigned int edge;

			if (!cs->ntargets)
				continue;
			edge = g->edge[e++];
			for (ctx = 0; ctx < REACHED_NR; ctx++)
				if (on[ctx] && !(edge >> EDGE_SHIFT & enabled_off[ctx]))
					take_first(enabled_callers[ctx], g, gone[ctx],
						   edge & EDGE_INDEX, cs);
		}
	}
	for (ctx = 0; ctx < REACHED_NR; ctx++)
		free(gone[ctx]);
}

void contexts_build(const struct program *prog)
{
	struct call_edges g;
	int i;

	program = prog;
	for (i = 0; i < REACHED_NR; i++) {
		free(enabled_callers[i]);
		enabled_callers[i] = NULL;
	}
	all = ls_xcalloc(prog->nfuncs ? prog->nfuncs : 1, sizeof(*all));
	for (i = 0; i < prog->nfuncs; i++) {
		all[i].entry = -1;
		prog->funcs[i]->ctx = &all[i];
	}
	program_for_each_binding(mark_binding, NULL);
	edges_build(&g);
	reach(&g, EC_HARDIRQ);
	reach(&g, EC_SOFTIRQ);
	callers_off(&g);
	find_enabled_callers(&g);
	free(g.edge);
	free(g.first);
}

int context_func_index(const struct func *fn)
{
	return ctx_of(fn) - all;
}

bool context_reached(const struct func *fn, int ctx)
{
	const struct ctx_info *ci = ctx_of(fn);

	return ci && mark_of(fn, ctx)->reached;
}

int context_entry(const struct func *fn)
{
	const struct ctx_info *ci = ctx_of(fn);

	return ci ? ci->entry : -1;
}

bool context_irqs_off(const struct func *fn)
{
	const struct ctx_info *ci = ctx_of(fn);

	return ci && ci->off & 1u << OFF_IRQ;
}

bool context_bh_off(const struct func *fn)
{
	const struct ctx_info *ci = ctx_of(fn);

	return ci && ci->off & 1u << OFF_BH;
}

bool context_line_off(const struct func *fn)
{
	const struct ctx_info *ci = ctx_of(fn);

	return ci && ci->off & (1u << OFF_LINE | 1u << OFF_IRQ);
}

const struct callsite *context_enabled_caller(const struct func *fn, int ctx)
{
	if (ctx >= REACHED_NR || !ctx_of(fn) || !enabled_callers[ctx])
		return NULL;
	return enabled_callers[ctx][ctx_of(fn) - all];
}

void context_chain_notes(struct finding *f, const struct func *fn, int ctx)
{
	const struct func *chain[MAX_HOPS + 2];
	int n = 0, i;

	while (fn && n < MAX_HOPS + 1) {
		chain[n++] = fn;
		fn = mark_of(fn, ctx)->parent;
	}
	fn = chain[n - 1];
	finding_note(f, fn->file, fn->line, 0, "%s() runs in %s context (bound to %s)",
		     func_short_name(fn->name), context_words(ctx),
		     ctx_of(fn)->entry_field ? ctx_of(fn)->entry_field : "an entry");
	for (i = n - 2; i >= 0; i--)
		wholetree_call_note(f, mark_of(chain[i], ctx)->cs, chain[i]);
}
