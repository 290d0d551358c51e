// SPDX-License-Identifier: MIT
/*
 * The global call graph: direct calls by name, calls through a struct
 * field to every function bound to that field anywhere in the tree, and
 * notifier chain calls to the callbacks registered on the chain
 * (notifiers.c).  A function a rules table models — an allocator or a
 * sleep (sleeps.tab), a free (frees.tab) — is a leaf: its rule says what
 * a call does, and its body, when among the facts, is not walked.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/arena.h"
#include "lockscope/context.h"
#include "lockscope/diag.h"
#include "lockscope/frees.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"

static struct ptrtab registrations;	/* "name#arg" -> field it fills */

const char *registration_field(const char *callee, long long arg)
{
	struct strbuf key = STRBUF_INIT;
	const char *field;

	sb_addf(&key, "%s#%lld", callee, arg);
	field = ptrtab_get(&registrations, strtab_intern(sb_str(&key)));
	sb_release(&key);
	return field;
}

/* rules/registrations.tab: "function argN struct T::field" lines. */
static void load_registrations(const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	char line[512];
	int nr = 0;
	FILE *f;

	sb_addf(&path, "%s/registrations.tab", dir);
	f = fopen(sb_str(&path), "r");
	if (!f)
		ls_fatal("cannot read '%s': %s", sb_str(&path), strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		char *hash = strchr(line, '#'), name[128], field[256];
		struct strbuf key = STRBUF_INIT;
		int n, arg = 0;

		nr++;
		if (hash)
			*hash = '\0';
		n = sscanf(line, "%127s arg%d %255[^\n]", name, &arg, field);
		if (n <= 0)
			continue;
		if (n != 3 || !strstr(field, "::"))
			ls_fatal("%s:%d: expected 'function argN struct T::field'",
				 sb_str(&path), nr);
		while (field[strlen(field) - 1] == ' ' || field[strlen(field) - 1] == '\t')
			field[strlen(field) - 1] = '\0';
		sb_addf(&key, "%s#%d", name, arg);
		ptrtab_put(&registrations, strtab_intern(sb_str(&key)),
			   (void *)strtab_intern(field));
		sb_release(&key);
	}
	fclose(f);
	sb_release(&path);
}

void program_load_callbacks(const char *dir)
{
	notifiers_load(dir);
	load_registrations(dir);
}

/* @calls more calls of @fn: the count stops at 255. */
static void count_calls(struct func *fn, unsigned int calls)
{
	fn->callers = fn->callers + calls > 255 ? 255 : fn->callers + calls;
}

void callgraph_add_target(struct callsite *cs, struct func *fn)
{
	int i;

	for (i = 0; i < cs->ntargets; i++)
		if (cs->targets[i] == fn)
			return;
	cs->targets = ls_xrealloc(cs->targets, (cs->ntargets + 1) * sizeof(*cs->targets));
	cs->targets[cs->ntargets++] = fn;
	count_calls(fn, 1);
}

/*
 * Every call of a name, or through a field, has the same targets: one
 * array each, shared by the calls (a kernel has millions).  A notifier
 * chain call gets a copy of its own, for the chain's callbacks.
 */
struct targets {
	int n;
	bool chain;
	unsigned int calls;	/* that share it: counted once for each target */
	struct func **fns;
	struct targets *older;	/* made before it */
};

static struct arena shared;
static struct ptrtab by_callee;		/* interned name -> struct targets */
static struct ptrtab by_field;		/* interned field -> struct targets */
static struct targets *newest;

/*
 * Each function's count of calls, from the shared arrays': once for each
 * of their targets, not once for each of millions of calls (a cache miss
 * each).
 */
static void count_shared_calls(void)
{
	const struct targets *t;
	int i;

	for (t = newest; t; t = t->older)
		for (i = 0; t->calls && i < t->n; i++)
			count_calls(t->fns[i], t->calls);
}

static struct targets *new_targets(struct ptrtab *table, const char *key)
{
	struct targets *t = arena_alloc(&shared, sizeof(*t));

	t->n = 0;
	t->chain = false;
	t->calls = 0;
	t->fns = NULL;
	t->older = newest;
	newest = t;
	ptrtab_put(table, key, t);
	return t;
}

static bool modelled(const char *name)
{
	bool ref;

	return sleeps_lookup(name) >= -1 || frees_lookup(name, &ref) >= 0;
}

/* @name's definitions, most recently loaded first. */
static struct targets *callee_targets(const char *name)
{
	struct targets *t = ptrtab_get(&by_callee, name);
	struct func *fn;
	int n = 0;

	if (t)
		return t;
	t = new_targets(&by_callee, name);
	t->chain = notifiers_chain_call(name);
	/*
	 * The page allocator's body reaches compaction, hugetlb and the OOM
	 * notifiers; vfree()'s the TLB flush; put_device()'s every release
	 * callback: chains no rule of lockdep's would draw.
	 */
	if (modelled(name))
		return t;
	for (fn = program_function_named(name); fn; fn = fn->next_same)
		n++;
	if (n)
		t->fns = arena_alloc(&shared, n * sizeof(*t->fns));
	for (fn = program_function_named(name); fn; fn = fn->next_same)
		t->fns[t->n++] = fn;
	return t;
}

/* The functions bound to @field anywhere, each once, in binding order. */
static struct targets *field_targets(const struct binding *b)
{
	struct targets *t = ptrtab_get(&by_field, b->field);
	struct ptrtab seen = { 0 };
	struct func *fn;
	int i, n = 0;

	if (t)
		return t;
	t = new_targets(&by_field, b->field);
	for (i = 0; i < b->nfns; i++)
		for (fn = program_function_named(b->fns[i]); fn; fn = fn->next_same)
			n++;
	if (n)
		t->fns = arena_alloc(&shared, n * sizeof(*t->fns));
	for (i = 0; i < b->nfns; i++) {
		for (fn = program_function_named(b->fns[i]); fn; fn = fn->next_same) {
			if (ptrtab_get(&seen, fn))
				continue;
			ptrtab_put(&seen, fn, fn);
			t->fns[t->n++] = fn;
		}
	}
	ptrtab_clear(&seen);
	return t;
}

static void add_bound(struct callsite *cs, const char *field)
{
	/* a binding's field is the name it is found by */
	struct targets *t = ptrtab_get(&by_field, field);
	const struct binding *b;

	if (!t) {
		b = program_binding_named(field);
		/*
		 * A chain's callbacks are reached from the call of that
		 * chain (notifiers.c); the chain walker's own call of the
		 * field, in kernel/notifier.c, would reach every notifier
		 * of the tree.
		 */
		if (!b || notifiers_chain_field(field))
			return;
		t = field_targets(b);
	}
	/* a call through a field gets no other targets */
	cs->targets = t->fns;
	cs->ntargets = t->n;
	t->calls++;
}

static void add_direct(struct callsite *cs)
{
	struct targets *t = callee_targets(cs->callee);
	struct call_rare *rare;
	const char *via;
	int i;

	if (!t->chain) {
		cs->targets = t->fns;
		cs->ntargets = t->n;
		t->calls++;
		return;
	}
	for (i = 0; i < t->n; i++)
		callgraph_add_target(cs, t->fns[i]);
	via = notifiers_targets(cs, callgraph_add_target);
	if (via) {
		/* few calls are chain calls: the field is one of their rare lists */
		rare = arena_alloc(&shared, sizeof(*rare));
		*rare = *cs->rare;
		rare->chain_via = via;
		cs->rare = rare;
	}
}

/*
 * The calls are walked in order, but their callees' targets are all over
 * tables far bigger than the caches: a call's slot is asked for AHEAD
 * calls before it is reached, its targets AHEAD / 2 calls before.
 */
#define AHEAD 16

struct call_cursor {
	struct program *prog;
	int fn, call;
};

/* The next direct call or call through a field from @c on, or NULL. */
static const struct callsite *next_call(struct call_cursor *c)
{
	while (c->fn < c->prog->nfuncs) {
		const struct func *fn = c->prog->funcs[c->fn];

		while (c->call < fn->ncalls) {
			const struct callsite *cs = &fn->calls[c->call++];

			if (cs->how == 'd' || cs->how == 'f')
				return cs;
		}
		c->fn++;
		c->call = 0;
	}
	return NULL;
}

static struct ptrtab *targets_of(const struct callsite *cs)
{
	return cs->how == 'd' ? &by_callee : &by_field;
}

static void look_ahead(struct call_cursor *slot, struct call_cursor *targets)
{
	const struct callsite *cs = next_call(slot);
	const struct targets *t;

	if (cs)
		ptrtab_prefetch(targets_of(cs), cs->callee);
	cs = next_call(targets);
	if (cs && (t = ptrtab_get(targets_of(cs), cs->callee)))
		__builtin_prefetch(t);
}

void callgraph_build(struct program *prog)
{
	struct call_cursor slot = { prog, 0, 0 }, targets = { prog, 0, 0 };
	int i, j;

	notifiers_collect(prog);
	for (i = 0; i < AHEAD; i++) {
		next_call(&slot);
		if (i < AHEAD / 2)
			next_call(&targets);
	}
	for (i = 0; i < prog->nfuncs; i++) {
		struct func *fn = prog->funcs[i];
		unsigned int edges = 0;

		for (j = 0; j < fn->ncalls; j++) {
			struct callsite *cs = &fn->calls[j];

			if (cs->how == 'd' || cs->how == 'f')
				look_ahead(&slot, &targets);

			cs->caller = fn;
			if (cs->how == 'f')
				add_bound(cs, cs->callee);
			else if (cs->how == 'd')
				add_direct(cs);
			/* summary entries name a call and target by one number */
			cs->edge0 = edges;
			edges += cs->ntargets;
			if (edges >= 1u << SUMMARY_EDGE_BITS)
				ls_fatal("%s: more than %u call edges", fn->name,
					 (1u << SUMMARY_EDGE_BITS) - 1);
		}
		for (j = 0; j < fn->nacqs; j++)
			fn->acqs[j].fn = fn;
	}
	count_shared_calls();
}
