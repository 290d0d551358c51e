// SPDX-License-Identifier: MIT
/*
 * Summaries: the locks each function may acquire, itself or through its
 * callees, named relative to its parameters where they come from them
 * ("&$0->idev->lock"), with the parameter values that lead there and one
 * witness chain each.  Computed callees first, over the strongly connected
 * components of the call graph, each to its fixpoint.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/program.h"
#include "lockscope/strbuf.h"
#include "lockscope/wholetree.h"

#define MAX_ENTRIES 256
#define MAX_PATH 160

/* Locks whose nesting is normal are no one's deadlock. */
bool wholetree_lock_kind(const char *kind)
{
	return strcmp(kind, "rcu") && strcmp(kind, "bh") && strcmp(kind, "irq") &&
	       strcmp(kind, "preempt") && strcmp(kind, "srcu");
}

/* A hash of three pointers: aligned, so the low bits alone say little. */
static unsigned long mix3(const void *a, const void *b, const void *c)
{
	unsigned long h = (unsigned long)a;

	h = (h ^ (h >> 33)) * 0xff51afd7ed558ccdul ^ (unsigned long)b;
	h = (h ^ (h >> 33)) * 0xc4ceb9fe1a85ec53ul ^ (unsigned long)c;
	h = (h ^ (h >> 33)) * 0xff51afd7ed558ccdul;
	return h ^ (h >> 33);
}

/* ---- mapping through a call ------------------------------------------ */

/* Rewrite @inst, relative to the callee's parameters, with @call's args. */
static const char *rewrite_inst(const struct callsite *call, const char *inst)
{
	const char *p = inst, *arg, *rest;
	struct strbuf sb = STRBUF_INIT;
	bool addr = false, arg_addr;
	const char *result;
	char *end;
	long n;

	if (!inst || !strchr(inst, '$'))
		return inst;		/* a global, or unknown */
	if (*p == '&') {
		addr = true;
		p++;
	}
	if (*p != '$')
		return NULL;
	n = strtol(p + 1, &end, 10);
	if (end == p + 1 || n < 0 || n >= call->nargs)
		return NULL;
	rest = end;
	arg = call->args[n];
	if (!arg || *arg == '#' || *arg == '-' || *arg == '\0')
		return NULL;
	arg_addr = *arg == '&';
	if (arg_addr)
		arg++;
	if (!*rest) {
		/* the lock is the parameter itself */
		sb_addf(&sb, "%s%s", arg_addr ? "&" : "", arg);
	} else if (!strncmp(rest, "->", 2)) {
		if (arg_addr)
			sb_addf(&sb, "%s%s.%s", addr ? "&" : "", arg, rest + 2);
		else
			sb_addf(&sb, "%s%s%s", addr ? "&" : "", arg, rest);
	} else {
		return NULL;
	}
	result = sb.len < MAX_PATH ? strtab_intern(sb_str(&sb)) : NULL;
	sb_release(&sb);
	return result;
}

/*
 * A call through a field reaches hundreds of functions that take the same
 * "&$0->lock": remember the last rewrites, by call and instance.
 */
#define MEMO_SIZE 4096

static struct {
	const struct callsite *call;
	const char *inst, *mapped;
} memo[MEMO_SIZE];

static const char *map_inst(const struct callsite *call, const char *inst)
{
	unsigned long h = mix3(call, inst, NULL) & (MEMO_SIZE - 1);

	if (memo[h].call != call || memo[h].inst != inst) {
		memo[h].call = call;
		memo[h].inst = inst;
		memo[h].mapped = rewrite_inst(call, inst);
	}
	return memo[h].mapped;
}

static struct pguard *find_guard(struct pguard *list, int n, int param)
{
	int i;

	for (i = 0; i < n; i++)
		if (list[i].param == param)
			return &list[i];
	return NULL;
}

static void add_constraint(struct pguard **list, int *n, int param,
			   const struct param_guard *g)
{
	struct pguard *have = find_guard(*list, *n, param);

	if (have) {
		guard_meet(&have->g, g);
		return;
	}
	*list = ls_xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[*n].param = param;
	(*list)[*n].g = *g;
	(*n)++;
}

bool summary_map(const struct callsite *call, const struct func *target,
		 const struct summary_entry *e, const char **inst,
		 struct pguard **guards, int *nguards)
{
	/* a notifier chain's arguments are not its callbacks' parameters */
	bool through_chain = call->how == 'd' && target->name != call->callee;
	int i;

	*guards = NULL;
	*nguards = 0;
	for (i = 0; i < call->nguards; i++)
		add_constraint(guards, nguards, call->guards[i].param, &call->guards[i].g);
	for (i = 0; i < e->nguards; i++) {
		const struct pguard *pg = &e->guards[i];
		const char *arg = pg->param < call->nargs ? call->args[pg->param] : NULL;
		char *end;
		long v;

		if (!arg || through_chain)
			continue;
		if (arg[0] == '#') {
			if (!guard_allows(&pg->g, strtoll(arg + 1, NULL, 10)))
				goto ruled_out;
			continue;
		}
		if (arg[0] == '$') {
			v = strtol(arg + 1, &end, 10);
			if (end != arg + 1 && !*end)
				add_constraint(guards, nguards, v, &pg->g);
		}
	}
	for (i = 0; i < *nguards; i++)
		if ((*guards)[i].g.op == G_NEVER)
			goto ruled_out;
	*inst = through_chain ? (e->inst && !strchr(e->inst, '$') ? e->inst : NULL) :
		map_inst(call, e->inst);
	return true;

ruled_out:
	free(*guards);
	*guards = NULL;
	*nguards = 0;
	return false;
}

/* ---- building -------------------------------------------------------- */

/*
 * A function's entries are found by (class, instance, mode): a hash table
 * once there are more than a few, kept only while the function's SCC is
 * being summarised.  Slots hold an entry's index + 1 (at most MAX_ENTRIES).
 */
#define LINEAR_ENTRIES 8

struct sum_index {
	unsigned int size;
	unsigned short slot[];
};

/*
 * Every change to an entry gets the next tick: the fixpoint pulls again
 * only what changed since the previous round began.
 */
static unsigned long clock_now;

static unsigned long entry_hash(const char *klass, const char *inst, const char *mode)
{
	return mix3(klass, inst, mode);
}

static void index_put(struct sum_index *ix, const struct summary_entry *e, int i)
{
	unsigned long j = entry_hash(e->klass, e->inst, e->mode) & (ix->size - 1);

	while (ix->slot[j])
		j = (j + 1) & (ix->size - 1);
	ix->slot[j] = i + 1;
}

/* Make room in @fn's index for one more entry. */
static void index_grow(struct func *fn)
{
	unsigned int size = fn->sum_index ? fn->sum_index->size : 0;
	int i;

	if (fn->nsum < LINEAR_ENTRIES || (fn->nsum + 1) * 2 <= (int)size)
		return;
	size = size ? size * 2 : 4 * LINEAR_ENTRIES;
	free(fn->sum_index);
	fn->sum_index = ls_xcalloc(1, sizeof(*fn->sum_index) + size * sizeof(unsigned short));
	fn->sum_index->size = size;
	for (i = 0; i < fn->nsum; i++)
		index_put(fn->sum_index, fn->sum[i], i);
}

static struct summary_entry *find_entry(const struct func *fn, const struct summary_entry *e)
{
	const struct sum_index *ix = fn->sum_index;
	unsigned long j;
	int i;

	if (!ix) {
		for (i = 0; i < fn->nsum; i++) {
			struct summary_entry *old = fn->sum[i];

			if (old->klass == e->klass && old->inst == e->inst && old->mode == e->mode)
				return old;
		}
		return NULL;
	}
	for (j = entry_hash(e->klass, e->inst, e->mode) & (ix->size - 1); ix->slot[j];
	     j = (j + 1) & (ix->size - 1)) {
		struct summary_entry *old = fn->sum[ix->slot[j] - 1];

		if (old->klass == e->klass && old->inst == e->inst && old->mode == e->mode)
			return old;
	}
	return NULL;
}

/* Entries come from big blocks: there are millions, and they live until exit. */
#define ENTRY_BLOCK 4096

static struct summary_entry *new_entry(void)
{
	static struct summary_entry *block;
	static int left;

	if (!left) {
		block = ls_xmalloc(ENTRY_BLOCK * sizeof(*block));
		left = ENTRY_BLOCK;
	}
	left--;
	return block++;
}

static void touch(struct func *fn, struct summary_entry *e)
{
	e->stamp = fn->stamp = ++clock_now;
}

/* Add an entry unless one with the same lock is there; widen its guards. */
static bool add_entry(struct func *fn, const struct summary_entry *e)
{
	struct summary_entry *old = find_entry(fn, e);
	int j;

	if (old) {
		bool changed = false;

		/* reachable either way: keep only what both ways know */
		for (j = 0; j < old->nguards; j++) {
			struct pguard *theirs = find_guard(e->guards, e->nguards,
							   old->guards[j].param);
			struct param_guard before = old->guards[j].g;

			if (!theirs)
				old->guards[j].g.op = G_ANY;
			else
				guard_join(&old->guards[j].g, &theirs->g);
			changed |= memcmp(&before, &old->guards[j].g, sizeof(before)) != 0;
		}
		free(e->guards);
		if (changed)
			touch(fn, old);
		return changed;
	}
	if (fn->nsum >= MAX_ENTRIES) {
		free(e->guards);
		return false;
	}
	if (fn->nsum == fn->asum) {
		fn->asum = fn->asum ? fn->asum * 2 : 4;
		fn->sum = ls_xrealloc(fn->sum, fn->asum * sizeof(*fn->sum));
	}
	index_grow(fn);
	old = new_entry();
	*old = *e;
	touch(fn, old);
	fn->sum[fn->nsum] = old;
	if (fn->sum_index)
		index_put(fn->sum_index, old, fn->nsum);
	fn->nsum++;
	return true;
}

static void own_entries(struct func *fn)
{
	int i;

	for (i = 0; i < fn->nacqs; i++) {
		const struct acquisition *a = &fn->acqs[i];
		struct summary_entry e = { 0 };

		/* a lock dropped and retaken is no recursion for the caller */
		if (a->trylock || a->again || !wholetree_lock_kind(a->kind))
			continue;
		e.klass = a->klass;
		e.inst = a->inst;
		e.kind = a->kind;
		e.mode = a->mode;
		e.line = a->line;
		e.col = a->col;
		e.acq = a;
		if (a->nguards) {
			e.guards = ls_xmalloc(a->nguards * sizeof(*e.guards));
			memcpy(e.guards, a->guards, a->nguards * sizeof(*e.guards));
			e.nguards = a->nguards;
		}
		add_entry(fn, &e);
	}
}

/* Did the caller drop the lock @inst before this call?  Then no recursion. */
static bool released_here(const struct callsite *cs, const char *inst)
{
	int i;

	for (i = 0; inst && i < cs->nreleased; i++)
		if (cs->released[i] == inst)
			return true;
	return false;
}

/*
 * Once a function has MAX_ENTRIES entries, a pulled entry can only widen
 * the guards of one it has, and guards that say nothing (G_ANY) cannot
 * widen: what is left open are the classes and modes of the others.
 */
struct open_keys {
	bool valid;
	int n;
	const char *klass[MAX_ENTRIES], *mode[MAX_ENTRIES];
};

static void find_open_keys(const struct func *fn, struct open_keys *keys)
{
	int i, j;

	keys->valid = true;
	keys->n = 0;
	for (i = 0; i < fn->nsum; i++) {
		const struct summary_entry *e = fn->sum[i];

		for (j = 0; j < e->nguards && e->guards[j].g.op == G_ANY; j++)
			;
		if (j < e->nguards) {
			keys->klass[keys->n] = e->klass;
			keys->mode[keys->n++] = e->mode;
		}
	}
}

static bool is_open(const struct open_keys *keys, const struct summary_entry *e)
{
	int i;

	for (i = 0; i < keys->n; i++)
		if (keys->klass[i] == e->klass && keys->mode[i] == e->mode)
			return true;
	return false;
}

/*
 * Pull the callees' entries through @fn's calls; true if anything grew.
 * Only entries changed after @since: the others were pulled, as they are
 * now, in an earlier round, and pulling them again changes nothing.
 */
static bool pull_callees(struct func *fn, unsigned long since)
{
	struct open_keys *keys = NULL;
	bool changed = false;
	int i, t, k;

	for (i = 0; i < fn->ncalls; i++) {
		const struct callsite *cs = &fn->calls[i];

		for (t = 0; t < cs->ntargets; t++) {
			struct func *callee = cs->targets[t];

			if (callee->stamp <= since)
				continue;
			/* entries are appended while we walk: index, not pointer */
			for (k = 0; k < callee->nsum; k++) {
				struct summary_entry e = { 0 };
				const struct summary_entry *from = callee->sum[k];

				if (from->stamp <= since)
					continue;
				if (fn->nsum >= MAX_ENTRIES) {
					if (!keys) {
						keys = ls_xmalloc(sizeof(*keys));
						find_open_keys(fn, keys);
					}
					if (!keys->n)
						goto done;
					if (!is_open(keys, from))
						continue;
				}
				if (!summary_map(cs, callee, from, &e.inst, &e.guards, &e.nguards))
					continue;
				if (released_here(cs, e.inst)) {
					free(e.guards);
					continue;
				}
				e.klass = from->klass;
				e.kind = from->kind;
				e.mode = from->mode;
				e.line = cs->line;
				e.col = cs->col;
				e.call = cs;
				e.next = from;
				e.callee = callee;
				e.acq = from->acq;
				changed |= add_entry(fn, &e);
			}
		}
	}
done:
	free(keys);
	return changed;
}

/* Iterative Tarjan: deep call chains must not overflow the C stack. */
struct frame {
	struct func *fn;
	int call, target;
};

static void summarise_scc(struct func **scc, int n)
{
	unsigned long since = 0, start;
	bool changed;
	int i, rounds = 0;

	for (i = 0; i < n; i++)
		own_entries(scc[i]);
	/* the first round pulls everything, the next only what changed */
	do {
		start = clock_now;
		changed = false;
		for (i = 0; i < n; i++)
			changed |= pull_callees(scc[i], since);
		since = start;
	} while (changed && ++rounds < 64);
	for (i = 0; i < n; i++) {
		scc[i]->summarised = true;
		free(scc[i]->sum_index);
		scc[i]->sum_index = NULL;
	}
}

void summaries_build(struct program *prog)
{
	struct frame *frames = ls_xmalloc((prog->nfuncs + 1) * sizeof(*frames));
	struct func **stack = ls_xmalloc((prog->nfuncs + 1) * sizeof(*stack));
	int index = 1, sp = 0, i;

	for (i = 0; i < prog->nfuncs; i++) {
		int depth = 0;

		if (prog->funcs[i]->index)
			continue;
		frames[depth++] = (struct frame){ prog->funcs[i], 0, 0 };
		prog->funcs[i]->index = prog->funcs[i]->low = index++;
		stack[sp++] = prog->funcs[i];
		prog->funcs[i]->on_stack = true;

		while (depth) {
			struct frame *fr = &frames[depth - 1];
			struct func *fn = fr->fn, *next = NULL;

			while (fr->call < fn->ncalls) {
				struct callsite *cs = &fn->calls[fr->call];

				if (fr->target < cs->ntargets) {
					next = cs->targets[fr->target++];
					if (!next->index)
						break;
					if (next->on_stack && next->index < fn->low)
						fn->low = next->index;
					next = NULL;
					continue;
				}
				fr->call++;
				fr->target = 0;
			}
			if (next) {
				next->index = next->low = index++;
				stack[sp++] = next;
				next->on_stack = true;
				frames[depth++] = (struct frame){ next, 0, 0 };
				continue;
			}
			/* all callees done: fn closes an SCC if it is its root */
			if (fn->low == fn->index) {
				int start = sp;

				do {
					start--;
					stack[start]->on_stack = false;
				} while (stack[start] != fn);
				summarise_scc(&stack[start], sp - start);
				sp = start;
			}
			depth--;
			if (depth && fn->low < frames[depth - 1].fn->low)
				frames[depth - 1].fn->low = fn->low;
		}
	}
	free(frames);
	free(stack);
}
