// SPDX-License-Identifier: MIT
/*
 * sleep-in-atomic (whole tree): a call that may sleep — a sleeping lock,
 * msleep(), schedule(), wait_for_completion(), an allocation whose GFP
 * mask allows direct reclaim (rules/sleeps.tab), and whatever reaches
 * them — made while a spinlock or rwlock is held, with irqs or softirqs
 * off, inside rcu_read_lock(), or from a callback that runs in interrupt
 * context (rules/context.tab).
 *
 * Per function, a witness of how it may sleep: always, or only when one
 * of its parameters, masked on the way down ("flags & MSG_DONTWAIT"), is
 * a GFP mask that allows reclaim or a non-blocking flag that is clear
 * (followed down from constant arguments).  A function rules/sleeps.tab
 * names is a leaf of the call graph (callgraph.c): its calls are judged
 * by its rule.  Sleeps inside the function's own atomic sections are
 * reported there and not passed up; a chain from an interrupt-context
 * callback passes at most one call through a function pointer, one from a
 * held lock none, and neither an unresolved one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/context.h"
#include "lockscope/marked_targets.h"
#include "lockscope/strbuf.h"
#include "lockscope/wholetree.h"

#define MAX_FIELD_HOPS 1
/*
 * Under a lock, an ops call reaches every implementation of the field,
 * most of them for other hardware than the one the lock's caller drives
 * (e1000e's PHY acquire is a mutex on 82574, a bit lock on PCH): only
 * direct chains there.  Callbacks of interrupt context may pass one.
 */
#define MAX_LOCKED_FIELD_HOPS 0
#define MAX_PASSES 64

/*
 * A conditional sleep: on x = (param & and_mask) | or_bits, a GFP mask
 * that allows direct reclaim, a non-blocking flag that is clear, or the
 * flag a test on the way sets ("if (flags & MSG_ZEROCOPY)").
 */
enum test_kind { T_GFP, T_ZERO, T_NONZERO };

struct sleep_test {
	int param;
	long long and_mask, or_bits;
	enum test_kind kind;
};

struct witness {
	bool set;
	bool nonblock;			/* gfp is a non-blocking flag, not a mask */
	unsigned char hops, fields;
	const struct callsite *cs;	/* the call it goes on by, or NULL */
	const struct func *next;
	signed char next_cond;		/* ... into the callee's witness: -1 always, else its test */
	const struct acquisition *acq;	/* or it sleeps here: a sleeping lock */
	long long gfp;			/* the constant mask that makes it sleep, or -1 */
};

#define MAX_TESTS 4

/* A function sleeps always, or when one of its tests holds. */
struct sleep_info {
	struct witness always;
	struct witness cond[MAX_TESTS];
	struct sleep_test test[MAX_TESTS];
	int ntests;
};

/*
 * By function (context_func_index()); NULL while it is not known to
 * sleep, which is most functions.  Those that have one are marked
 * (marked_targets.h): a call's walk goes through those targets only.
 */
static struct sleep_info **infos;

static const struct sleep_info *sleep_of(const struct func *fn)
{
	static const struct sleep_info none;
	const struct sleep_info *si = infos[context_func_index(fn)];

	return si ? si : &none;
}

static struct sleep_info *sleep_info_for(const struct func *fn)
{
	struct sleep_info **si = &infos[context_func_index(fn)];

	if (!*si) {
		*si = ls_xcalloc(1, sizeof(**si));
		marked_targets_mark(fn);
	}
	return *si;
}

/* What makes a held list atomic: a spinning lock first, then the rest. */
static const struct held_lock *atomic_root(const struct held_lock *h, int n)
{
	static const char *const kinds[] = { "spin", "rwlock", "irq", "bh", "rcu", "preempt" };
	unsigned int k;
	int i;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		for (i = 0; i < n; i++)
			if (!strcmp(h[i].kind, kinds[k]))
				return &h[i];
	return NULL;
}

/* "#3264" -> 3264, else -1. */
static long long constant_of(const char *arg)
{
	char *end;
	long long v;

	if (arg[0] != '#')
		return -1;
	v = strtoll(arg + 1, &end, 0);
	return *end ? -1 : v;
}

/*
 * "$2" or "$2&64|256" (facts: a parameter masked on the way) -> *t on
 * parameter 2, composed with the callee's test @inner; false otherwise.
 */
static bool param_test(const char *arg, const struct sleep_test *inner,
		       struct sleep_test *t)
{
	long long and_mask = -1, or_bits = 0, v;
	char *end, *next;
	long p;

	if (arg[0] != '$' || arg[1] < '0' || arg[1] > '9')
		return false;
	p = strtol(arg + 1, &end, 10);
	if (p > 64)
		return false;
	while (*end == '&' || *end == '|') {
		v = strtoll(end + 1, &next, 10);
		if (next == end + 1)
			return false;
		if (*end == '&') {
			and_mask &= v;
			or_bits &= v;
		} else {
			or_bits |= v;
		}
		end = next;
	}
	if (*end)
		return false;
	/* the callee sees x = (p & and_mask) | or_bits, and masks x again */
	t->param = p;
	t->and_mask = and_mask & inner->and_mask;
	t->or_bits = (or_bits & inner->and_mask) | inner->or_bits;
	t->kind = inner->kind;
	return true;
}

static bool test_sleeps(const struct sleep_test *t, long long v)
{
	long long x = (v & t->and_mask) | t->or_bits;

	return t->kind == T_ZERO ? !x : t->kind == T_NONZERO ? x != 0 : gfp_may_sleep(x);
}

static bool same_test(const struct sleep_test *a, const struct sleep_test *b)
{
	return a->param == b->param && a->and_mask == b->and_mask &&
	       a->or_bits == b->or_bits && a->kind == b->kind;
}

/*
 * Through call @cs, does a callee that sleeps on @inner sleep?  1 always
 * (*value: the constant argument), 2 on the caller's test *t, 0 no.
 */
static int through_call(const struct callsite *cs, const struct sleep_test *inner,
			struct sleep_test *t, long long *value)
{
	const char *arg;

	if (inner->param >= cs->nargs)
		return 0;
	arg = cs->args[inner->param];
	*value = constant_of(arg);
	if (*value >= 0)
		return test_sleeps(inner, *value);
	return param_test(arg, inner, t) ? 2 : 0;
}

static bool better(const struct witness *old, int hops, int fields)
{
	return !old->set || fields < old->fields || (fields == old->fields && hops < old->hops);
}

static void set_witness(struct witness *w, int hops, int fields,
			const struct callsite *cs, const struct func *next,
			int next_cond, const struct acquisition *acq, long long gfp,
			bool nonblock)
{
	w->set = true;
	w->nonblock = nonblock;
	w->hops = hops > 255 ? 255 : hops;
	w->fields = fields;
	w->cs = cs;
	w->next = next;
	w->next_cond = next_cond;
	w->acq = acq;
	w->gfp = gfp;
}

/*
 * Does the direct call @cs sleep?  1 always (*gfp: the constant, or -1),
 * 2 on its caller's test *t, 0 no.
 */
static int direct_sleep(const struct callsite *cs, long long *gfp, struct sleep_test *t)
{
	struct sleep_test rule = { .and_mask = -1 };

	*gfp = -1;
	if (cs->how != 'd' || (rule.param = sleeps_lookup_interned(cs->callee)) < -1)
		return 0;
	if (rule.param == -1)
		return 1;
	rule.kind = sleeps_nonblock_interned(cs->callee) ? T_ZERO : T_GFP;
	return through_call(cs, &rule, t, gfp);
}

/*
 * A call made only behind a flag test on a parameter sleeps on that test
 * (one test: the first parameter's, its set bits first).
 */
static bool flag_test(const struct callsite *cs, struct sleep_test *t)
{
	const struct bit_guard *b = cs->rare->nbits ? &cs->rare->bits[0] : NULL;

	if (!b)
		return false;
	t->param = b->param;
	t->or_bits = 0;
	t->and_mask = b->set ? b->set : b->clear;
	t->kind = b->set ? T_NONZERO : T_ZERO;
	return true;
}

static const struct witness *chosen(const struct sleep_info *si, int cond)
{
	return cond < 0 ? &si->always : &si->cond[cond];
}

/* The slot of test @t in @si, added if new; -1 when all are taken. */
static int test_slot(struct sleep_info *si, const struct sleep_test *t)
{
	int k;

	for (k = 0; k < si->ntests; k++)
		if (same_test(&si->test[k], t))
			return k;
	if (si->ntests == MAX_TESTS)
		return -1;
	si->test[si->ntests] = *t;
	return si->ntests++;
}

/*
 * A way to sleep: always (@how 1) or on test @t (2; with no slot left,
 * taken as always).  True if it is a better witness than the one kept.
 */
static bool note_sleep(struct sleep_info *si, int how, const struct sleep_test *t,
		       int hops, int fields, const struct callsite *cs,
		       const struct func *next, int next_cond, long long gfp, bool nonblock)
{
	struct witness *w = &si->always;
	int k;

	if (how == 2) {
		if (si->always.set)
			return false;
		k = test_slot(si, t);
		if (k >= 0)
			w = &si->cond[k];
	}
	if (!better(w, hops, fields))
		return false;
	set_witness(w, hops, fields, cs, next, next_cond, NULL, gfp, nonblock);
	return true;
}

static void direct_sites(const struct func *fn)
{
	struct sleep_test test;
	long long gfp;
	int j;

	for (j = 0; j < fn->nacqs; j++) {
		const struct acquisition *a = &fn->acqs[j];

		if (a->sleeps && !atomic_root(a->held, a->nheld) && !sleep_of(fn)->always.set)
			set_witness(&sleep_info_for(fn)->always, 0, 0, NULL, NULL, -1, a, -1,
				    false);
	}
	for (j = 0; j < fn->ncalls; j++) {
		const struct callsite *cs = &fn->calls[j];
		bool nonblock;
		int how;

		/* most calls sleep in no way: the held locks' kinds after */
		how = direct_sleep(cs, &gfp, &test);
		if (!how || atomic_root(cs->held, cs->nheld) || cs->rare->nreleased)
			continue;
		nonblock = sleeps_nonblock_interned(cs->callee);
		if (how == 2)
			nonblock = test.kind != T_GFP;
		else if (how == 1 && flag_test(cs, &test))
			how = 2;
		note_sleep(sleep_info_for(fn), how, &test, 0, 0, cs, NULL, -1, gfp, nonblock);
	}
}

/*
 * What @fn's calls pass up.  Only targets that sleep somehow can (the
 * marked ones): the others are not gone through.
 */
static bool propagate(const struct func *fn)
{
	struct sleep_info *si = infos[context_func_index(fn)];
	struct marked_iter it;
	struct sleep_test test;
	bool changed = false;
	long long gfp;
	int j, t, k;

	for (j = 0; j < fn->ncalls; j++) {
		const struct callsite *cs = &fn->calls[j];

		if (cs->how == 'u' || cs->rare->nreleased)
			continue;
		marked_iter_begin(&it, cs);
		t = marked_iter_next(&it);
		if (t < 0 || atomic_root(cs->held, cs->nheld))
			continue;
		for (; t >= 0; t = marked_iter_next(&it)) {
			const struct func *target = cs->targets[t];
			const struct sleep_info *ti = sleep_of(target);
			int first = ti->always.set ? -1 : 0;
			int last = ti->always.set ? 0 : ti->ntests;

			if (target == fn)
				continue;
			for (k = first; k < last; k++) {
				const struct witness *tw = chosen(ti, k);
				int hops = tw->hops + 1, fields = tw->fields + (call_via(cs) != NULL);
				int how = 1;

				gfp = -1;
				if (k >= 0)
					how = through_call(cs, &ti->test[k], &test, &gfp);
				if (!how || fields > MAX_FIELD_HOPS)
					continue;
				if (how == 1 && flag_test(cs, &test))
					how = 2;
				if (!si)
					si = sleep_info_for(fn);
				changed |= note_sleep(si, how, &test, hops, fields, cs, target, k,
						      gfp, k >= 0 && ti->test[k].kind != T_GFP);
			}
		}
	}
	return changed;
}

static void summarise(const struct program *prog)
{
	bool changed = true;
	int i, pass;

	for (i = 0; i < prog->nfuncs; i++)
		direct_sites(prog->funcs[i]);
	for (pass = 0; changed && pass < MAX_PASSES; pass++) {
		changed = false;
		for (i = 0; i < prog->nfuncs; i++)
			changed |= propagate(prog->funcs[i]);
	}
}

/* ---- findings -------------------------------------------------------- */

static void call_note(struct finding *f, const struct callsite *cs,
		      const struct func *next, long long gfp, bool nonblock)
{
	struct strbuf extra = STRBUF_INIT;

	if (call_via(cs))
		sb_addf(&extra, " through %s", call_via(cs));
	if (gfp >= 0)
		sb_addf(&extra, " with %s %#llx", nonblock ? "flags" : "GFP flags", gfp);
	finding_note(f, cs->caller->file, cs->line, cs->col, "%s() calls %s()%s",
		     func_short_name(cs->caller->name),
		     func_short_name(next ? next->name : cs->callee), sb_str(&extra));
	sb_release(&extra);
}

/* disable_irq() is an "acquisition" of the interrupt line, not a lock. */
static bool masks_line(const struct acquisition *a)
{
	return !strcmp(a->kind, "irqline");
}

static void acq_note(struct finding *f, const struct func *fn, const struct acquisition *a)
{
	if (masks_line(a))
		finding_note(f, fn->file, a->line, a->col,
			     "%s() calls disable_irq(), which waits for the line's handler and may sleep",
			     func_short_name(fn->name));
	else
		finding_note(f, fn->file, a->line, a->col, "%s() acquires '%s' (a %s), which sleeps",
			     func_short_name(fn->name), a->shown, a->kind);
}

static void leaf_note(struct finding *f, const struct func *fn, const struct witness *w)
{
	const struct callsite *cs = w->cs;

	if (w->acq && masks_line(w->acq)) {
		acq_note(f, fn, w->acq);
		return;
	}
	if (w->acq) {
		finding_note(f, fn->file, w->acq->line, w->acq->col,
			     "%s() acquires '%s' (a %s), which sleeps",
			     func_short_name(fn->name), w->acq->shown, w->acq->kind);
		return;
	}
	if (sleeps_lookup(cs->callee) >= 0 && w->nonblock && w->gfp < 0)
		finding_note(f, fn->file, cs->line, cs->col,
			     "%s() calls %s() with its caller's non-blocking flag, which may sleep",
			     func_short_name(fn->name), cs->callee);
	else if (w->nonblock)
		finding_note(f, fn->file, cs->line, cs->col,
			     "%s() calls %s() with flags %#llx, which do not say non-blocking: it may sleep",
			     func_short_name(fn->name), cs->callee, w->gfp);
	else if (sleeps_lookup(cs->callee) >= 0 && w->gfp < 0)
		finding_note(f, fn->file, cs->line, cs->col,
			     "%s() calls %s() with its caller's GFP flags, which may sleep",
			     func_short_name(fn->name), cs->callee);
	else if (w->gfp >= 0)
		finding_note(f, fn->file, cs->line, cs->col,
			     "%s() calls %s() with GFP flags %#llx, which allow direct reclaim: it may sleep",
			     func_short_name(fn->name), cs->callee, w->gfp);
	else
		finding_note(f, fn->file, cs->line, cs->col, "%s() calls %s(), which may sleep",
			     func_short_name(fn->name), cs->callee);
}

/* Notes down @fn's witness (conditional or not) to the sleeping call. */
static void chain_notes(struct finding *f, const struct func *fn, int cond)
{
	const struct witness *w = chosen(sleep_of(fn), cond);
	int hops = 0;

	while (w->next && hops++ < 64) {
		call_note(f, w->cs, w->next, w->gfp, w->nonblock);
		cond = w->next_cond;
		fn = w->next;
		w = chosen(sleep_of(fn), cond);
	}
	leaf_note(f, fn, w);
}

/* The sleeping call at the end of the chain, for the message. */
static const char *leaf_name(const struct func *fn, int cond)
{
	const struct witness *w = chosen(sleep_of(fn), cond);
	static char buf[160];
	int hops = 0;

	while (w->next && hops++ < 64) {
		cond = w->next_cond;
		w = chosen(sleep_of(w->next), cond);
	}
	if (w->acq && masks_line(w->acq))
		snprintf(buf, sizeof(buf), "disable_irq()");
	else if (w->acq)
		snprintf(buf, sizeof(buf), "a %s", w->acq->kind);
	else
		snprintf(buf, sizeof(buf), "%s()", w->cs->callee);
	return buf;
}

/* The sleeping lock acquisition at the end of the chain, or NULL. */
static const struct acquisition *leaf_acq(const struct func *fn, int cond)
{
	const struct witness *w = chosen(sleep_of(fn), cond);
	int hops = 0;

	while (w->next && hops++ < 64) {
		cond = w->next_cond;
		w = chosen(sleep_of(w->next), cond);
	}
	return w->acq;
}

/*
 * Can @cs's constant arguments reach @target's sleeping lock?  The lock
 * summaries know under which parameter values each class is taken
 * (ipv6_ifa_notify(0, ifa) takes no mutex: only its RTM_DELADDR case
 * does), as callback-under-lock uses them.
 */
static bool leaf_reachable(const struct callsite *cs, const struct func *target, int cond)
{
	const struct acquisition *leaf = leaf_acq(target, cond);
	int k;

	if (!leaf)
		return true;
	summaries_wait(target);	/* they may still be made */
	if (!summary_may_have(target, leaf->klass))
		return true;
	for (k = 0; k < target->nsum; k++) {
		struct summary_entry buf;
		const struct summary_entry *e = summary_get(target, k, &buf);
		const struct acquisition *a;

		if (summary_klass(e) != leaf->klass)
			continue;
		a = summary_acq(e);
		if (a->mode == leaf->mode)
			return summary_map(cs, target, k, e, NULL, NULL, NULL);
	}
	return true;
}

static void root_words(struct strbuf *sb, const struct held_lock *h)
{
	if (!strcmp(h->kind, "irq"))
		sb_add(sb, "with hard irqs disabled");
	else if (!strcmp(h->kind, "bh"))
		sb_add(sb, "with softirqs disabled");
	else if (!strcmp(h->kind, "rcu"))
		sb_add(sb, "inside an RCU read-side section");
	else
		sb_addf(sb, "with '%s' held", h->shown);
}

static void root_note(struct finding *f, const struct func *fn, const struct held_lock *h)
{
	if (!strcmp(h->kind, "irq"))
		finding_note(f, fn->file, h->line, 0, "hard irqs disabled here");
	else if (!strcmp(h->kind, "bh"))
		finding_note(f, fn->file, h->line, 0, "softirqs disabled here");
	else if (!strcmp(h->kind, "rcu"))
		finding_note(f, fn->file, h->line, 0, "RCU read-side section entered here");
	else
		finding_note(f, fn->file, h->line, 0, "'%s' (%s) acquired here", h->shown, h->klass);
}

/* @what: "f() may sleep (msleep()) and is called", then the root. */
static struct finding *begin(const struct func *fn, const struct held_lock *h,
			     const char *what, int line, int col, const char *sleeper)
{
	struct strbuf key = STRBUF_INIT, root = STRBUF_INIT;
	struct finding *f;

	sb_addf(&key, "%s|%s|%s", fn->name, h->klass, sleeper);
	root_words(&root, h);
	f = finding_add("sleep-in-atomic", "warning", sb_str(&key), fn->file, line, col,
			"%s %s: sleeping in atomic context", what, sb_str(&root));
	sb_release(&key);
	sb_release(&root);
	/* a wait or a re-acquisition blamed on this call is the same bug */
	finding_site(f, fn->file, line, col);
	root_note(f, fn, h);
	return f;
}

/*
 * Which witness of @target makes call @cs sleep, with the held lock's
 * limits: -1 always, else a test (*gfp: its constant); -2 none.
 */
static int sleeping_witness(const struct callsite *cs, const struct func *target,
			    long long *gfp)
{
	const struct sleep_info *ti = sleep_of(target);
	int k, first = ti->always.set ? -1 : 0, last = ti->always.set ? 0 : ti->ntests;
	struct sleep_test test;

	for (k = first; k < last; k++) {
		*gfp = -1;
		if (k >= 0 && through_call(cs, &ti->test[k], &test, gfp) != 1)
			continue;
		if (!leaf_reachable(cs, target, k) ||
		    chosen(ti, k)->fields + (call_via(cs) != NULL) > MAX_LOCKED_FIELD_HOPS)
			continue;
		return k;
	}
	return -2;
}

static void check_calls(const struct func *fn)
{
	struct strbuf what = STRBUF_INIT, leaf = STRBUF_INIT;
	struct sleep_test test;
	int j, t, cond;
	long long gfp;

	for (j = 0; j < fn->nacqs; j++) {
		const struct acquisition *a = &fn->acqs[j];
		const struct held_lock *h = atomic_root(a->held, a->nheld);
		struct finding *f;

		if (!a->sleeps || !h)
			continue;
		sb_reset(&what);
		sb_reset(&leaf);
		if (masks_line(a)) {
			sb_add(&what, "disable_irq() may sleep and is called");
			sb_add(&leaf, "disable_irq()");
		} else {
			sb_addf(&what, "acquiring '%s' (a %s) may sleep and is done",
				a->shown, a->kind);
			sb_addf(&leaf, "a %s", a->kind);
		}
		f = begin(fn, h, sb_str(&what), a->line, a->col, sb_str(&leaf));
		acq_note(f, fn, a);
	}
	for (j = 0; j < fn->ncalls; j++) {
		const struct callsite *cs = &fn->calls[j];
		const struct held_lock *h = atomic_root(cs->held, cs->nheld);
		struct finding *f;

		if (!h || cs->how == 'u')
			continue;
		if (direct_sleep(cs, &gfp, &test) == 1) {
			sb_reset(&what);
			sb_addf(&what, "%s() may sleep and is called", cs->callee);
			sb_reset(&leaf);
			sb_addf(&leaf, "%s()", cs->callee);
			f = begin(fn, h, sb_str(&what), cs->line, cs->col, sb_str(&leaf));
			leaf_note(f, fn, &(struct witness){ .cs = cs, .gfp = gfp,
				  .nonblock = sleeps_nonblock_arg(cs->callee) });
			continue;
		}
		for (t = 0; t < cs->ntargets; t++) {
			const struct func *target = cs->targets[t];

			cond = sleeping_witness(cs, target, &gfp);
			if (cond < -1)
				continue;
			sb_reset(&what);
			sb_addf(&what, "%s() may sleep (%s) and is called",
				func_short_name(target->name), leaf_name(target, cond));
			f = begin(fn, h, sb_str(&what), cs->line, cs->col, leaf_name(target, cond));
			call_note(f, cs, target, gfp,
				  cond >= 0 && sleep_of(target)->test[cond].kind != T_GFP);
			chain_notes(f, target, cond);
		}
	}
	sb_release(&what);
	sb_release(&leaf);
}

static void check_entry(const struct func *fn)
{
	const struct sleep_info *si = sleep_of(fn);
	int ctx = context_entry(fn);
	struct strbuf key = STRBUF_INIT;
	const struct witness *w = &si->always;
	struct finding *f;
	int line = w->acq ? w->acq->line : w->cs->line;
	int col = w->acq ? w->acq->col : w->cs->col;

	sb_addf(&key, "%s|%s|%s", fn->name, context_name(ctx), leaf_name(fn, -1));
	f = finding_add("sleep-in-atomic", "warning", sb_str(&key), fn->file, line, col,
			"%s() runs in %s context and may sleep (%s): sleeping in atomic context",
			func_short_name(fn->name), context_words(ctx), leaf_name(fn, -1));
	sb_release(&key);
	context_chain_notes(f, fn, ctx);
	chain_notes(f, fn, -1);
}

void check_sleep_in_atomic(const struct program *prog)
{
	int i;

	infos = ls_xcalloc(prog->nfuncs ? prog->nfuncs : 1, sizeof(*infos));
	marked_targets_init(prog);
	summarise(prog);
	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];

		check_calls(fn);
		if (context_entry(fn) >= 0 && infos[i] && infos[i]->always.set)
			check_entry(fn);
	}
	marked_targets_free();
	for (i = 0; i < prog->nfuncs; i++)
		free(infos[i]);
	free(infos);
	infos = NULL;
}
