// SPDX-License-Identifier: MIT
/*
 * teardown-race (whole tree): a driver's teardown path (remove, shutdown,
 * disconnect, module exit) frees a resource while a callback that users
 * or the kernel can still invoke (sysfs, ethtool, netdev and file ops,
 * IRQ, timer and work handlers) reaches a use of it: the callback was not
 * unpublished before the free, and its path checks no guard that the
 * teardown set before the free.
 *
 * Both sides are walked in program order, calls in the order of their
 * positions: the teardown side as the sequence of what it unpublishes,
 * which guards it sets and what it frees; the entry side as the resources
 * it uses, each with the guards checked before the use on its path.
 * rules/teardown.tab says what each call means.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/arena.h"
#include "lockscope/findings.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/teardown.h"
#include "lockscope/wholetree.h"

/* Function pointers are resolved by type: few hops keep pairs related. */
#define MAX_ENTRY_HOPS 2
#define MAX_FREE_HOPS 1
/* a teardown frees what probe set up, a few calls down, not in a maze */
#define MAX_FREE_DEPTH 8
#define MAX_CHECKS 4
#define MAX_HELD 4
#define MAX_OTHERS 32
/*
 * The walks keep, per function, what it reaches: on a kernel-sized call
 * graph with large cycles that outgrows memory (each entry ~130 bytes).
 * Past this many entries the check gives up, all or nothing, and says so.
 */
#define MAX_WALK_ENTRIES (1u << 20)

/* A guard checked on an entry path, and the lock held while checking. */
struct gcheck {
	int guard;
	const char *lock;
};

struct use_entry {
	const char *klass;
	unsigned int mask;		/* guards checked */
	int nchecks;
	struct gcheck checks[MAX_CHECKS];
	int hops;			/* calls through function pointers */
	/* witness: used here, or a call here into callee's entry next */
	const struct callsite *call;
	const struct func *callee;
	const struct use_entry *next;
	const struct resource_site *site;
};

enum event_kind { EV_UNPUBLISH, EV_GUARD, EV_FREE };

struct event {
	enum event_kind kind;
	const char *what;		/* unpublish kind, freed class */
	bool child;			/* unpublished by unbinding a child device */
	int guard;
	int nheld;
	const char *held[MAX_HELD];	/* classes held where the guard is set */
	int hops, depth;
	const struct callsite *call;	/* NULL: in this function */
	const struct func *callee;
	const struct event *next;
	const struct callsite *at;	/* the unpublish or guard call */
	const struct resource_site *site;	/* the free */
};

/*
 * Memoised walks, each function's list computed once.  Inside a recursion
 * a function sees the lists of its callers in the cycle unfinished, and
 * keeps what it found then: what it reaches only back through them is
 * missed.  Computing it again for every walk into a cycle made the walks
 * grow as the cycle times the walks: on the whole defconfig (a cycle of
 * 22,000 functions, 3,500 walks) past 60 million entries.  Old entries
 * stay allocated: witness chains point at them.
 */
struct memo {
	bool done;
	bool busy;			/* on the walk's stack */
};

/* Where a list's entries are, by hash: lists grow to thousands. */
struct list_index {
	unsigned int size;		/* slots, a power of two; 0: none yet */
	int *slot;			/* entry + 1, or 0 */
};

struct teardown_state {
	struct memo uses_memo, events_memo;
	int nuses, auses;
	struct use_entry **uses;
	struct list_index uses_index;
	int nevents, aevents;
	struct event **events;
	struct list_index events_index;
};

#define GROW(arr, n, alloc) do {					\
	if ((n) == (alloc)) {						\
		(alloc) = (alloc) ? (alloc) * 2 : 8;			\
		(arr) = ls_xrealloc((arr), (alloc) * sizeof(*(arr)));	\
	}								\
} while (0)

static unsigned int walk_entries;	/* kept in the lists */
static struct arena entries;		/* witnesses point in: see forget_walks() */
static struct ptrtab torn_down;	/* class -> (void *)1: a teardown frees it */
static struct ptrtab runtime;		/* class -> (void *)1: callbacks free it */
/* "site|class|entry point" -> its finding: one race, however many roots */
static struct ptrtab reported;

/*
 * Once the walks have outgrown the limit the check gives up, whatever
 * else they find: from then on they keep nothing more.  (Only checked as
 * a walk began, a kernel-sized graph's walks went on to 1.8 M entries
 * past the 1 M, 90 MB kept for nothing.)
 */
static bool walks_outgrown(void)
{
	return walk_entries >= MAX_WALK_ENTRIES;
}

static struct teardown_state *state(const struct func *fn)
{
	struct func *f = (struct func *)fn;

	if (!f->teardown)
		f->teardown = ls_xcalloc(1, sizeof(*f->teardown));
	return f->teardown;
}

static bool before(int line, int col, int l2, int c2)
{
	return line < l2 || (line == l2 && col < c2);
}

/*
 * A call through a function pointer, or a notifier chain call reaching a
 * callback: a hop, where the callee is chosen by type, not by the caller.
 */
static int hop(const struct callsite *cs, const struct func *target)
{
	return cs->how == 'f' || target->name != cs->callee;
}

/*
 * What rules/teardown.tab says of a direct call ("file.h:fn" for statics),
 * by the callee's interned name: the walks ask of the same callees
 * millions of times, and each answer was a string hashed and interned.
 */
static struct ptrtab roles_of;
static const struct td_call no_roles;

static const struct td_call *roles(const struct callsite *cs)
{
	const struct td_call *c;

	if (cs->how != 'd')
		return NULL;
	c = ptrtab_get(&roles_of, cs->callee);
	if (!c) {
		c = teardown_call(func_short_name(cs->callee));
		if (!c)
			c = &no_roles;
		ptrtab_put(&roles_of, cs->callee, (void *)(uintptr_t)c);
	}
	return c == &no_roles ? NULL : c;
}

/* The first lock that matters held at a call, or NULL. */
static const char *held_lock(const struct callsite *cs)
{
	int i;

	for (i = 0; i < cs->nheld; i++)
		if (wholetree_lock_kind(cs->held[i].kind))
			return cs->held[i].klass;
	return NULL;
}

/* ---- the entry side: what a function uses, and behind which guards ---- */

static const struct use_entry *const *uses_of(const struct func *fn, int *n);

/* True when the list is to be computed now; then memo_leave() after. */
static bool memo_enter(struct memo *m)
{
	if (m->done || m->busy)
		return false;
	m->busy = true;
	return true;
}

static void memo_leave(struct memo *m)
{
	m->busy = false;
	m->done = true;
}

/* Guards @fn checks before (@line, @col), added to @e. */
static void add_checks(const struct func *fn, int line, int col, struct use_entry *e)
{
	int i;

	for (i = 0; i < fn->ncalls; i++) {
		const struct callsite *cs = &fn->calls[i];
		const struct td_call *c;

		if (!before(cs->line, cs->col, line, col))
			continue;
		for (c = roles(cs); c; c = c->next) {
			if (c->role != TD_GUARD_CHECK || e->nchecks == MAX_CHECKS)
				continue;
			e->mask |= 1u << c->guard;
			e->checks[e->nchecks].guard = c->guard;
			e->checks[e->nchecks++].lock = held_lock(cs);
		}
	}
}

/*
 * The slot of the entry equal to the one hashed @h (same(i) says whether
 * entry i is), or of the empty slot where it goes.  NULL while the list is
 * short enough to search: then same() is asked of every entry.
 */
static int *index_find(struct list_index *ix, int n, unsigned long h,
		       bool (*same)(const void *list, int i, const void *e),
		       const void *list, const void *e)
{
	unsigned int i;

	if (!ix->size)
		return NULL;
	for (i = h & (ix->size - 1); ix->slot[i]; i = (i + 1) & (ix->size - 1))
		if (same(list, ix->slot[i] - 1, e))
			break;
	(void)n;
	return &ix->slot[i];
}

/* Index all @n entries once the list is long, and keep it half empty. */
static void index_grow(struct list_index *ix, int n,
		       unsigned long (*hash)(const void *list, int i), const void *list)
{
	unsigned int size = ix->size ? ix->size : 16;
	int i;

	if (n < 8 || (unsigned int)n * 2 < ix->size)
		return;
	while ((unsigned int)n * 2 >= size)
		size *= 2;
	free(ix->slot);
	ix->slot = ls_xcalloc(size, sizeof(*ix->slot));
	ix->size = size;
	for (i = 0; i < n; i++) {
		unsigned int j = hash(list, i) & (size - 1);

		while (ix->slot[j])
			j = (j + 1) & (size - 1);
		ix->slot[j] = i + 1;
	}
}

static unsigned long use_hash(const struct use_entry *e)
{
	return hash_ptr3(e->klass, (void *)(unsigned long)e->mask, NULL);
}

static unsigned long use_hash_at(const void *list, int i)
{
	return use_hash(((struct use_entry *const *)list)[i]);
}

static bool same_use(const void *list, int i, const void *e)
{
	const struct use_entry *a = ((struct use_entry *const *)list)[i], *b = e;

	return a->klass == b->klass && a->mask == b->mask;
}

/* Keep a copy of @e unless an equal use is listed already. */
static void add_use(struct teardown_state *st, const struct use_entry *e)
{
	int i, *slot;

	if (walks_outgrown())
		return;
	slot = index_find(&st->uses_index, st->nuses, use_hash(e), same_use, st->uses, e);
	if (slot && *slot)
		return;
	if (!slot)
		for (i = 0; i < st->nuses; i++)
			if (same_use(st->uses, i, e))
				return;
	GROW(st->uses, st->nuses, st->auses);
	st->uses[st->nuses] = arena_alloc(&entries, sizeof(*e));
	*st->uses[st->nuses] = *e;
	if (slot)
		*slot = st->nuses + 1;
	st->nuses++;
	index_grow(&st->uses_index, st->nuses, use_hash_at, st->uses);
	walk_entries++;
}

static void compute_uses(const struct func *fn, struct teardown_state *st)
{
	int i, j, k;

	for (i = 0; i < fn->nuses; i++) {
		const struct resource_site *u = &fn->uses[i];
		struct use_entry e = { 0 };

		if (!ptrtab_get(&torn_down, u->klass))
			continue;
		e.klass = u->klass;
		e.site = u;
		add_checks(fn, u->line, u->col, &e);
		add_use(st, &e);
	}
	for (i = 0; i < fn->ncalls; i++) {
		const struct callsite *cs = &fn->calls[i];

		for (j = 0; j < cs->ntargets; j++) {
			const struct use_entry *const *sub;
			int n, h = hop(cs, cs->targets[j]);

			sub = uses_of(cs->targets[j], &n);
			for (k = 0; k < n; k++) {
				struct use_entry e;
				int c;

				if (sub[k]->hops + h > MAX_ENTRY_HOPS)
					continue;
				e = *sub[k];
				e.hops += h;
				e.call = cs;
				e.callee = cs->targets[j];
				e.next = sub[k];
				e.site = NULL;
				add_checks(fn, cs->line, cs->col, &e);
				/* a check in the caller counts like one below */
				for (c = 0; c < sub[k]->nchecks && e.nchecks < MAX_CHECKS; c++)
					e.checks[e.nchecks++] = sub[k]->checks[c];
				e.mask |= sub[k]->mask;
				add_use(st, &e);
			}
		}
	}
}

static const struct use_entry *const *uses_of(const struct func *fn, int *n)
{
	struct teardown_state *st = state(fn);

	if (!walks_outgrown() && memo_enter(&st->uses_memo)) {
		compute_uses(fn, st);
		memo_leave(&st->uses_memo);
	}
	*n = st->nuses;
	return (const struct use_entry *const *)st->uses;
}

/* ---- the teardown side: what it unpublishes, guards and frees, in order */

static const struct event *const *events_of(const struct func *fn, int *n);

static bool same_event(const struct event *a, const struct event *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == EV_GUARD)
		return a->guard == b->guard &&
		       (a->nheld ? a->held[0] : NULL) == (b->nheld ? b->held[0] : NULL);
	return a->what == b->what && a->child == b->child;
}

static unsigned long event_hash(const struct event *e)
{
	if (e->kind == EV_GUARD)
		return hash_ptr3((void *)(unsigned long)e->kind,
				 (void *)(unsigned long)e->guard, e->nheld ? e->held[0] : NULL);
	return hash_ptr3((void *)(unsigned long)e->kind, e->what,
			 (void *)(unsigned long)e->child);
}

static unsigned long event_hash_at(const void *list, int i)
{
	return event_hash(((struct event *const *)list)[i]);
}

static bool same_event_at(const void *list, int i, const void *e)
{
	return same_event(((struct event *const *)list)[i], e);
}

/*
 * Only the first occurrence of an event matters: "before" is about it.
 * Keep a copy of @ev unless it is listed already.
 */
static void add_event(struct teardown_state *st, const struct event *ev)
{
	int i, *slot;

	if (walks_outgrown())
		return;
	slot = index_find(&st->events_index, st->nevents, event_hash(ev),
			  same_event_at, st->events, ev);
	if (slot && *slot)
		return;
	if (!slot)
		for (i = 0; i < st->nevents; i++)
			if (same_event(st->events[i], ev))
				return;
	GROW(st->events, st->nevents, st->aevents);
	st->events[st->nevents] = arena_alloc(&entries, sizeof(*ev));
	*st->events[st->nevents] = *ev;
	if (slot)
		*slot = st->nevents + 1;
	st->nevents++;
	index_grow(&st->events_index, st->nevents, event_hash_at, st->events);
	walk_entries++;
}

static void add_held(struct event *ev, const struct callsite *cs)
{
	int i, j;

	for (i = 0; i < cs->nheld && ev->nheld < MAX_HELD; i++) {
		const char *k = cs->held[i].klass;

		if (!wholetree_lock_kind(cs->held[i].kind))
			continue;
		for (j = 0; j < ev->nheld && ev->held[j] != k; j++)
			;
		if (j == ev->nheld)
			ev->held[ev->nheld++] = k;
	}
}

/* A call's own meaning: unpublish, set a guard; true if it had one. */
static bool call_events(struct teardown_state *st, const struct callsite *cs)
{
	const struct td_call *c;
	bool any = false;

	for (c = roles(cs); c; c = c->next) {
		struct event ev = { 0 };

		if (c->role == TD_GUARD_SET && c->arg >= 0) {
			char want[32];

			snprintf(want, sizeof(want), "#%lld", c->value);
			if (c->arg >= cs->nargs || strcmp(cs->args[c->arg], want))
				continue;
		}
		if (c->role != TD_UNPUBLISH && c->role != TD_GUARD_SET)
			continue;
		ev.kind = c->role == TD_UNPUBLISH ? EV_UNPUBLISH : EV_GUARD;
		ev.what = c->kind;
		ev.child = c->child;
		ev.guard = c->guard;
		ev.at = cs;
		add_held(&ev, cs);
		add_event(st, &ev);
		any = true;
	}
	return any;
}

static void callee_events(const struct func *fn, struct teardown_state *st,
			  const struct callsite *cs)
{
	int j, k;

	for (j = 0; j < cs->ntargets; j++) {
		const struct event *const *sub;
		int n, h = hop(cs, cs->targets[j]);

		sub = events_of(cs->targets[j], &n);
		for (k = 0; k < n; k++) {
			struct event ev;

			if (sub[k]->kind == EV_FREE &&
			    (sub[k]->hops + h > MAX_FREE_HOPS || sub[k]->depth >= MAX_FREE_DEPTH))
				continue;
			ev = *sub[k];
			ev.hops += h;
			ev.depth++;
			ev.call = cs;
			ev.callee = cs->targets[j];
			ev.next = sub[k];
			add_held(&ev, cs);
			add_event(st, &ev);
		}
	}
}

static void compute_events(const struct func *fn, struct teardown_state *st)
{
	int i = 0, j = 0;

	/* calls and frees, merged by position */
	while (i < fn->ncalls || j < fn->nfrees) {
		const struct callsite *cs = i < fn->ncalls ? &fn->calls[i] : NULL;
		const struct resource_site *fr = j < fn->nfrees ? &fn->frees[j] : NULL;

		/* at one position the call's own meaning comes first */
		if (fr && (!cs || before(fr->line, fr->col, cs->line, cs->col))) {
			struct event ev = { 0 };

			ev.kind = EV_FREE;
			ev.what = fr->klass;
			ev.site = fr;
			add_event(st, &ev);
			j++;
			continue;
		}
		if (!call_events(st, cs))
			callee_events(fn, st, cs);
		i++;
	}
}

static const struct event *const *events_of(const struct func *fn, int *n)
{
	struct teardown_state *st = state(fn);

	if (!walks_outgrown() && memo_enter(&st->events_memo)) {
		compute_events(fn, st);
		memo_leave(&st->events_memo);
	}
	*n = st->nevents;
	return (const struct event *const *)st->events;
}

/* ---- pairing them ------------------------------------------------------ */

struct entry_point {
	const struct func *fn;
	const char *field;
	const struct td_entry *rule;
};

struct root {
	const struct func *fn;
	const char *field;
	bool quiesce;
};

static struct entry_point *entry_points;
static int nentry_points, aentry_points;
static struct root *roots;
static int nroots, aroots;

static void add_function(const char *field, const char *name,
			 const struct td_entry *rule, const struct td_root *root)
{
	const struct func *fn;

	for (fn = program_function(name); fn; fn = fn->next_same) {
		if (rule) {
			GROW(entry_points, nentry_points, aentry_points);
			entry_points[nentry_points].fn = fn;
			entry_points[nentry_points].field = field;
			entry_points[nentry_points++].rule = rule;
		} else {
			GROW(roots, nroots, aroots);
			roots[nroots].fn = fn;
			roots[nroots].quiesce = root->quiesce;
			roots[nroots++].field = field;
		}
	}
}

static void collect(struct binding *b, void *data)
{
	const struct td_entry *rule = teardown_entry(b->field);
	const struct td_root *root = teardown_root(b->field);
	int i;

	for (i = 0; i < b->nfns; i++) {
		if (rule)
			add_function(b->field, b->fns[i], rule, NULL);
		if (root)
			add_function(b->field, b->fns[i], NULL, root);
	}
}

static int by_entry_name(const void *a, const void *b)
{
	const struct entry_point *x = a, *y = b;
	int c = strcmp(x->fn->name, y->fn->name);

	return c ? c : strcmp(x->field, y->field);
}

static int by_root_name(const void *a, const void *b)
{
	const struct root *x = a, *y = b;
	int c = strcmp(x->fn->name, y->fn->name);

	return c ? c : strcmp(x->field, y->field);
}

/* What the teardown did before the free at @upto. */
struct history {
	const struct event *const *evs;
	int upto;
	bool quiesce;			/* a shutdown: children stay bound */
};

static bool unpublished(const struct history *h, const char *kind)
{
	int i;

	for (i = 0; i < h->upto; i++)
		if (h->evs[i]->kind == EV_UNPUBLISH && h->evs[i]->what == kind &&
		    !(h->evs[i]->child && h->quiesce))
			return true;
	return false;
}

/* A guard set under the lock the check was made under (if any). */
static bool guard_set(const struct history *h, const struct gcheck *c)
{
	int i, j;

	for (i = 0; i < h->upto; i++) {
		const struct event *ev = h->evs[i];

		if (ev->kind != EV_GUARD || ev->guard != c->guard)
			continue;
		if (!c->lock)
			return true;
		for (j = 0; j < ev->nheld; j++)
			if (ev->held[j] == c->lock)
				return true;
	}
	return false;
}

static bool guarded(const struct history *h, const struct entry_point *ep,
		    const struct use_entry *u)
{
	struct gcheck implied = { ep->rule->guard, NULL };
	int i;

	if (unpublished(h, ep->rule->kind))
		return true;
	if (ep->rule->guard >= 0 && guard_set(h, &implied))
		return true;
	for (i = 0; i < u->nchecks; i++)
		if (guard_set(h, &u->checks[i]))
			return true;
	return false;
}

/* The use entry of @ep's function for @klass that no guard covers. */
static const struct use_entry *unguarded_use(const struct history *h,
					     const struct entry_point *ep,
					     const char *klass)
{
	const struct use_entry *const *uses;
	const struct use_entry *best = NULL;
	int n, i;

	uses = uses_of(ep->fn, &n);
	for (i = 0; i < n; i++)
		if (uses[i]->klass == klass && !guarded(h, ep, uses[i]) &&
		    (!best || uses[i]->hops < best->hops))
			best = uses[i];
	return best;
}

static const char *call_words(const struct callsite *cs, const char *from,
			      const char *to, char *buf, int size)
{
	if (call_via(cs))
		snprintf(buf, size, "%s() calls %s() through %s", from, to, call_via(cs));
	else
		snprintf(buf, size, "%s() calls %s()", from, to);
	return buf;
}

static void teardown_notes(struct finding *f, const struct root *r,
			   const struct event *ev)
{
	const struct func *fn = r->fn;
	char buf[512];
	int hops = 0;

	if (!strcmp(r->field, "module::exit"))
		finding_note(f, fn->file, fn->line, 0, "CPU0: %s() unloads the module (module_exit)",
			     func_short_name(fn->name));
	else
		finding_note(f, fn->file, fn->line, 0, "CPU0: %s() tears the device down (%s)",
			     func_short_name(fn->name), r->field);
	while (ev && ev->call && hops++ < 64) {
		finding_note(f, fn->file, ev->call->line, ev->call->col, "CPU0: %s",
			     call_words(ev->call, func_short_name(fn->name),
					func_short_name(ev->callee->name), buf, sizeof(buf)));
		fn = ev->callee;
		ev = ev->next;
	}
	if (ev && ev->site)
		finding_note(f, fn->file, ev->site->line, ev->site->col,
			     "CPU0: %s() frees '%s' with %s()", func_short_name(fn->name),
			     ev->site->klass, ev->site->how);
}

static void entry_notes(struct finding *f, const struct entry_point *ep,
			const struct use_entry *u)
{
	const struct func *fn = ep->fn;
	char buf[512];
	int hops = 0;

	finding_note(f, fn->file, fn->line, 0,
		     "CPU1: %s() can still run: %s, a %s callback, is not unpublished before the free",
		     func_short_name(fn->name), ep->field, ep->rule->kind);
	while (u && u->call && hops++ < 64) {
		finding_note(f, fn->file, u->call->line, u->call->col, "CPU1: %s",
			     call_words(u->call, func_short_name(fn->name),
					func_short_name(u->callee->name), buf, sizeof(buf)));
		fn = u->callee;
		u = u->next;
	}
	if (u && u->site) {
		if (strcmp(u->site->how, "deref"))
			finding_note(f, fn->file, u->site->line, u->site->col,
				     "CPU1: %s() uses '%s': %s()", func_short_name(fn->name),
				     u->site->klass, u->site->how);
		else
			finding_note(f, fn->file, u->site->line, u->site->col,
				     "CPU1: %s() dereferences '%s'", func_short_name(fn->name),
				     u->site->klass);
	}
}

/* Guards the teardown sets that the entry path never checks: the fix. */
static void guard_hint(struct finding *f, const struct history *h,
		       const struct entry_point *ep, const struct use_entry *u)
{
	int i;

	for (i = 0; i < h->upto; i++) {
		const struct event *ev = h->evs[i];

		if (ev->kind != EV_GUARD || (u->mask & (1u << ev->guard)))
			continue;
		finding_note(f, ep->fn->file, ep->fn->line, 0,
			     "the teardown calls %s() before the free, but this path never checks %s()",
			     func_short_name(ev->at->callee), teardown_guard_name(ev->guard));
		return;
	}
}

/* lockdep's scenario, one line per CPU: the two chains side by side. */
static void scenario(struct finding *f, const struct root *r, const struct event *ev,
		     const struct entry_point *ep, const struct use_entry *u)
{
	struct strbuf sb = STRBUF_INIT;
	const struct func *fn = r->fn;
	int hops = 0;

	sb_addf(&sb, "%s()", func_short_name(fn->name));
	for (; ev->call && hops++ < 64; ev = ev->next)
		sb_addf(&sb, " -> %s()", func_short_name(ev->callee->name));
	sb_addf(&sb, " -> %s(): freed", ev->site->how);
	finding_note(f, r->fn->file, r->fn->line, 0, "scenario: CPU0: %s", sb_str(&sb));
	sb_reset(&sb);
	sb_addf(&sb, "%s()", func_short_name(ep->fn->name));
	for (hops = 0; u->call && hops++ < 64; u = u->next)
		sb_addf(&sb, " -> %s()", func_short_name(u->callee->name));
	if (strcmp(u->site->how, "deref"))
		sb_addf(&sb, " -> %s(): use after free", u->site->how);
	else
		sb_addf(&sb, ": dereference after free");
	finding_note(f, ep->fn->file, ep->fn->line, 0, "scenario: CPU1: %s", sb_str(&sb));
	sb_release(&sb);
}

/* The function and site at the end of a free event's chain. */
static const struct func *free_function(const struct root *r, const struct event **ev)
{
	const struct func *fn = r->fn;

	while ((*ev)->call) {
		fn = (*ev)->callee;
		*ev = (*ev)->next;
	}
	return fn;
}

static void report_free(const struct root *r, const struct history *h,
			const struct event *ev)
{
	const struct event *end = ev;
	const struct func *site_fn = free_function(r, &end);
	const struct entry_point *first = NULL;
	const struct use_entry *first_use = NULL;
	struct strbuf others = STRBUF_INIT, key = STRBUF_INIT, entries = STRBUF_INIT;
	int i, nothers = 0;
	const char *race;
	struct finding *f;

	for (i = 0; i < nentry_points; i++) {
		const struct entry_point *ep = &entry_points[i];
		const struct use_entry *u = unguarded_use(h, ep, ev->what);

		if (!u)
			continue;
		/* the fix guards every one of them: kind:file:function */
		sb_addf(&entries, "%s%s:%s:%s", entries.len ? " " : "", ep->rule->kind,
			ep->fn->file, func_short_name(ep->fn->name));
		if (!first || u->hops < first_use->hops) {
			if (first && nothers++ < MAX_OTHERS)
				sb_addf(&others, "%s%s()", others.len ? ", " : "",
					func_short_name(first->fn->name));
			first = ep;
			first_use = u;
		} else if (nothers++ < MAX_OTHERS) {
			sb_addf(&others, "%s%s()", others.len ? ", " : "",
				func_short_name(ep->fn->name));
		}
	}
	if (!first) {
		sb_release(&entries);
		return;
	}
	/*
	 * Drivers that share their teardown's last steps (serial8250's remove
	 * functions all end in one kfree()) race at one place with one
	 * callback: one finding, with a note for each further root.
	 */
	sb_addf(&key, "%s:%d:%d|%s|%s", site_fn->file, end->site->line, end->site->col,
		ev->what, first->fn->name);
	race = strtab_intern(sb_str(&key));
	f = ptrtab_get(&reported, race);
	if (f) {
		finding_note(f, r->fn->file, r->fn->line, 0,
			     "%s() (%s) frees it the same way", func_short_name(r->fn->name),
			     r->field);
		sb_release(&key);
		sb_release(&entries);
		return;
	}
	sb_reset(&key);
	/* one finding per teardown root: remove and shutdown race differently */
	sb_addf(&key, "%s|%s|%s", r->fn->name, site_fn->name, ev->what);
	f = finding_add("teardown-race", "warning", sb_str(&key), site_fn->file,
			end->site->line, end->site->col,
			"%s() frees '%s' while %s() can still use it: the callback is neither unpublished nor guarded first",
			end->site->how, ev->what, func_short_name(first->fn->name));
	ptrtab_put(&reported, race, f);
	teardown_notes(f, r, ev);
	entry_notes(f, first, first_use);
	scenario(f, r, ev, first, first_use);
	guard_hint(f, h, first, first_use);
	/* rules/cocci/teardown-race.cocci guards this entry point */
	finding_fix(f, "rule", "teardown-race");
	finding_fix(f, "func", "%s", func_short_name(first->fn->name));
	finding_fix(f, "fixfile", "%s", first->fn->file);
	finding_fix(f, "line", "%d", first->fn->line);
	finding_fix(f, "kind", "%s", first->rule->kind);
	finding_fix(f, "entries", "%s", sb_str(&entries));
	if (nothers)
		finding_note(f, first->fn->file, first->fn->line, 0,
			     "also reachable, unguarded, from %s%s", sb_str(&others),
			     nothers > MAX_OTHERS ? " and more" : "");
	sb_release(&others);
	sb_release(&key);
	sb_release(&entries);
}

static void check_root(const struct root *r)
{
	const struct event *const *evs;
	struct history h;
	int n, i;

	evs = events_of(r->fn, &n);
	h.evs = evs;
	h.quiesce = r->quiesce;
	for (i = 0; i < n; i++) {
		if (evs[i]->kind != EV_FREE || ptrtab_get(&runtime, evs[i]->what))
			continue;
		h.upto = i;
		report_free(r, &h, evs[i]);
	}
}

/*
 * Past the limit the walks are of no use, and at kernel size they hold
 * 200 MB that the summaries, still being made beside them, can take.
 */
static void forget_walks(const struct program *prog)
{
	int i;

	for (i = 0; i < prog->nfuncs; i++) {
		struct teardown_state *st = prog->funcs[i]->teardown;

		if (!st)
			continue;
		free(st->uses);
		free(st->events);
		free(st->uses_index.slot);
		free(st->events_index.slot);
		free(st);
		prog->funcs[i]->teardown = NULL;
	}
	arena_rewind(&entries, &(struct arena_mark){ 0 });
}

void check_teardown_race(const struct program *prog)
{
	int i, j;

	program_for_each_binding(collect, NULL);
	if (!nroots)
		return;
	if (nentry_points)
		qsort(entry_points, nentry_points, sizeof(*entry_points), by_entry_name);
	qsort(roots, nroots, sizeof(*roots), by_root_name);
	/*
	 * What the callbacks themselves free and re-create (buffers, skbs,
	 * channels) lives at run time, not from probe to teardown.
	 */
	for (i = 0; i < nentry_points; i++) {
		const struct event *const *evs;
		int n;

		evs = events_of(entry_points[i].fn, &n);
		for (j = 0; j < n; j++)
			if (evs[j]->kind == EV_FREE)
				ptrtab_put(&runtime, evs[j]->what, (void *)1);
	}
	/*
	 * All the walks first: past the limit, no finding at all.  Only what
	 * a teardown frees can be used after it: the callbacks' walks look
	 * for uses of those classes alone.
	 */
	for (i = 0; i < nroots; i++) {
		const struct event *const *evs;
		int n;

		evs = events_of(roots[i].fn, &n);
		for (j = 0; j < n; j++)
			if (evs[j]->kind == EV_FREE && !ptrtab_get(&runtime, evs[j]->what))
				ptrtab_put(&torn_down, evs[j]->what, (void *)1);
	}
	for (i = 0; i < nentry_points; i++) {
		int n;

		uses_of(entry_points[i].fn, &n);
	}
	if (walks_outgrown()) {
		fprintf(stderr, "lockscope report: teardown-race skipped: its walks outgrew %u entries (%d roots, %d entry points); the other checks are complete\n",
			MAX_WALK_ENTRIES, nroots, nentry_points);
		forget_walks(prog);
		return;
	}
	for (i = 0; i < nroots; i++)
		check_root(&roots[i]);
}

unsigned int teardown_walk_entries(void)
{
	return walk_entries;
}
