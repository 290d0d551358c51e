// SPDX-License-Identifier: MIT
/*
 * sleep-in-atomic (whole tree): a call that may sleep — a sleeping lock,
 * msleep(), schedule(), wait_for_completion(), an allocation whose GFP
 * mask allows direct reclaim (rules/sleeps.tab), and whatever reaches
 * them — made while a spinlock or rwlock is held, with irqs or softirqs
 * off, inside rcu_read_lock(), or from a callback that runs in interrupt
 * context (rules/context.tab).
 *
 * Per function, a witness of how it may sleep: always, or only when the
 * GFP mask in one of its parameters allows reclaim (followed down from
 * constant arguments).  Sleeps inside the function's own atomic sections
 * are reported there and not passed up; a chain from an interrupt-context
 * callback passes at most one call through a function pointer, one from a
 * held lock none, and neither an unresolved one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/context.h"
#include "lockscope/ptrtab.h"
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

struct witness {
	bool set;
	unsigned char hops, fields;
	const struct callsite *cs;	/* the call it goes on by, or NULL */
	const struct func *next;
	bool next_cond;			/* ... into the callee's conditional witness */
	const struct acquisition *acq;	/* or it sleeps here: a sleeping lock */
	long long gfp;			/* the constant mask that makes it sleep, or -1 */
};

struct sleep_info {
	struct witness always, cond;
	int param;			/* cond: the parameter holding the mask */
};

static struct ptrtab infos;		/* func -> struct sleep_info */

static struct sleep_info *sleep_of(const struct func *fn)
{
	return ptrtab_get(&infos, fn);
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

/* "$2" -> 2, else -1. */
static int param_of(const char *arg)
{
	char *end;
	long p;

	if (arg[0] != '$' || !arg[1])
		return -1;
	p = strtol(arg + 1, &end, 10);
	return *end || p < 0 || p > 64 ? -1 : p;
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

static bool better(const struct witness *old, int hops, int fields)
{
	return !old->set || fields < old->fields || (fields == old->fields && hops < old->hops);
}

static void set_witness(struct witness *w, int hops, int fields,
			const struct callsite *cs, const struct func *next,
			bool next_cond, const struct acquisition *acq, long long gfp)
{
	w->set = true;
	w->hops = hops > 255 ? 255 : hops;
	w->fields = fields;
	w->cs = cs;
	w->next = next;
	w->next_cond = next_cond;
	w->acq = acq;
	w->gfp = gfp;
}

/*
 * Does the direct call @cs sleep?  1 always (*gfp: the mask, or -1), 2
 * when its caller's parameter *param allows reclaim, 0 no.
 */
static int direct_sleep(const struct callsite *cs, long long *gfp, int *param)
{
	int arg;

	*gfp = -1;
	if (cs->how != 'd' || (arg = sleeps_lookup(cs->callee)) < -1)
		return 0;
	if (arg == -1)
		return 1;
	if (arg >= cs->nargs)
		return 0;
	*gfp = constant_of(cs->args[arg]);
	if (*gfp >= 0)
		return gfp_may_sleep(*gfp);
	*param = param_of(cs->args[arg]);
	return *param >= 0 ? 2 : 0;
}

/*
 * Does callee @t, called by @cs, sleep?  1 always, 2 on the caller's
 * parameter *param, 0 no; *cond: through its conditional witness.
 */
static int callee_sleep(const struct callsite *cs, const struct func *t,
			bool *cond, int *param, long long *gfp)
{
	const struct sleep_info *ti = sleep_of(t);
	const char *arg;

	*cond = false;
	*gfp = -1;
	if (ti->always.set)
		return 1;
	if (!ti->cond.set || ti->param >= cs->nargs)
		return 0;
	*cond = true;
	arg = cs->args[ti->param];
	*gfp = constant_of(arg);
	if (*gfp >= 0)
		return gfp_may_sleep(*gfp);
	*param = param_of(arg);
	return *param >= 0 ? 2 : 0;
}

static const struct witness *chosen(const struct sleep_info *si, bool cond)
{
	return cond ? &si->cond : &si->always;
}

static void direct_sites(const struct func *fn, struct sleep_info *si)
{
	int j, param;
	long long gfp;

	for (j = 0; j < fn->nacqs; j++) {
		const struct acquisition *a = &fn->acqs[j];

		if (a->sleeps && !atomic_root(a->held, a->nheld) && !si->always.set)
			set_witness(&si->always, 0, 0, NULL, NULL, false, a, -1);
	}
	for (j = 0; j < fn->ncalls; j++) {
		const struct callsite *cs = &fn->calls[j];
		int how;

		if (atomic_root(cs->held, cs->nheld) || cs->nreleased)
			continue;
		how = direct_sleep(cs, &gfp, &param);
		if (how == 1 && better(&si->always, 0, 0))
			set_witness(&si->always, 0, 0, cs, NULL, false, NULL, gfp);
		else if (how == 2 && (si->param < 0 || si->param == param) &&
			 better(&si->cond, 0, 0)) {
			si->param = param;
			set_witness(&si->cond, 0, 0, cs, NULL, false, NULL, -1);
		}
	}
}

static bool propagate(const struct func *fn, struct sleep_info *si)
{
	bool changed = false, cond;
	int j, t, param;
	long long gfp;

	for (j = 0; j < fn->ncalls; j++) {
		const struct callsite *cs = &fn->calls[j];

		if (cs->how == 'u' || atomic_root(cs->held, cs->nheld) || cs->nreleased)
			continue;
		for (t = 0; t < cs->ntargets; t++) {
			const struct func *target = cs->targets[t];
			int how = callee_sleep(cs, target, &cond, &param, &gfp);
			const struct witness *tw = chosen(sleep_of(target), cond);
			int hops = tw->hops + 1, fields = tw->fields + (cs->via != NULL);

			if (!how || fields > MAX_FIELD_HOPS || target == fn)
				continue;
			if (how == 1 && better(&si->always, hops, fields)) {
				set_witness(&si->always, hops, fields, cs, target, cond, NULL, gfp);
				changed = true;
			} else if (how == 2 && !si->always.set &&
				   (si->param < 0 || si->param == param) &&
				   better(&si->cond, hops, fields)) {
				si->param = param;
				set_witness(&si->cond, hops, fields, cs, target, cond, NULL, -1);
				changed = true;
			}
		}
	}
	return changed;
}

static void summarise(const struct program *prog, struct sleep_info *all)
{
	bool changed = true;
	int i, pass;

	for (i = 0; i < prog->nfuncs; i++) {
		all[i].param = -1;
		ptrtab_put(&infos, prog->funcs[i], &all[i]);
		direct_sites(prog->funcs[i], &all[i]);
	}
	for (pass = 0; changed && pass < MAX_PASSES; pass++) {
		changed = false;
		for (i = 0; i < prog->nfuncs; i++)
			changed |= propagate(prog->funcs[i], &all[i]);
	}
}

/* ---- findings -------------------------------------------------------- */

static void call_note(struct finding *f, const struct callsite *cs,
		      const struct func *next, long long gfp)
{
	struct strbuf extra = STRBUF_INIT;

	if (cs->via)
		sb_addf(&extra, " through %s", cs->via);
	if (gfp >= 0)
		sb_addf(&extra, " with GFP flags %#llx", gfp);
	finding_note(f, cs->caller->file, cs->line, cs->col, "%s() calls %s()%s",
		     context_short_name(cs->caller->name),
		     context_short_name(next ? next->name : cs->callee), sb_str(&extra));
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
			     context_short_name(fn->name));
	else
		finding_note(f, fn->file, a->line, a->col, "%s() acquires '%s' (a %s), which sleeps",
			     context_short_name(fn->name), a->shown, a->kind);
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
			     context_short_name(fn->name), w->acq->shown, w->acq->kind);
		return;
	}
	if (sleeps_lookup(cs->callee) >= 0 && w->gfp < 0)
		finding_note(f, fn->file, cs->line, cs->col,
			     "%s() calls %s() with its caller's GFP flags, which may sleep",
			     context_short_name(fn->name), cs->callee);
	else if (w->gfp >= 0)
		finding_note(f, fn->file, cs->line, cs->col,
			     "%s() calls %s() with GFP flags %#llx, which allow direct reclaim: it may sleep",
			     context_short_name(fn->name), cs->callee, w->gfp);
	else
		finding_note(f, fn->file, cs->line, cs->col, "%s() calls %s(), which may sleep",
			     context_short_name(fn->name), cs->callee);
}

/* Notes down @fn's witness (conditional or not) to the sleeping call. */
static void chain_notes(struct finding *f, const struct func *fn, bool cond)
{
	const struct witness *w = chosen(sleep_of(fn), cond);
	int hops = 0;

	while (w->next && hops++ < 64) {
		call_note(f, w->cs, w->next, w->gfp);
		cond = w->next_cond;
		fn = w->next;
		w = chosen(sleep_of(fn), cond);
	}
	leaf_note(f, fn, w);
}

/* The sleeping call at the end of the chain, for the message. */
static const char *leaf_name(const struct func *fn, bool cond)
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
static const struct acquisition *leaf_acq(const struct func *fn, bool cond)
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
static bool leaf_reachable(const struct callsite *cs, const struct func *target, bool cond)
{
	const struct acquisition *leaf = leaf_acq(target, cond);
	int k;

	if (!leaf)
		return true;
	for (k = 0; k < target->nsum; k++) {
		const struct acquisition *a;

		if (summary_klass(&target->sum[k]) != leaf->klass)
			continue;
		a = summary_acq(&target->sum[k]);
		if (a->mode == leaf->mode)
			return summary_map(cs, target, &target->sum[k], NULL, NULL, NULL);
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

static void check_calls(const struct func *fn)
{
	struct strbuf what = STRBUF_INIT, leaf = STRBUF_INIT;
	bool cond;
	int j, t, param;
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
		if (direct_sleep(cs, &gfp, &param) == 1) {
			sb_reset(&what);
			sb_addf(&what, "%s() may sleep and is called", cs->callee);
			sb_reset(&leaf);
			sb_addf(&leaf, "%s()", cs->callee);
			f = begin(fn, h, sb_str(&what), cs->line, cs->col, sb_str(&leaf));
			leaf_note(f, fn, &(struct witness){ .cs = cs, .gfp = gfp });
			continue;
		}
		for (t = 0; t < cs->ntargets; t++) {
			const struct func *target = cs->targets[t];
			const struct witness *tw;

			if (callee_sleep(cs, target, &cond, &param, &gfp) != 1 ||
			    !leaf_reachable(cs, target, cond))
				continue;
			tw = chosen(sleep_of(target), cond);
			if (tw->fields + (cs->via != NULL) > MAX_LOCKED_FIELD_HOPS)
				continue;
			sb_reset(&what);
			sb_addf(&what, "%s() may sleep (%s) and is called",
				context_short_name(target->name), leaf_name(target, cond));
			f = begin(fn, h, sb_str(&what), cs->line, cs->col, leaf_name(target, cond));
			call_note(f, cs, target, gfp);
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

	sb_addf(&key, "%s|%s|%s", fn->name, context_name(ctx), leaf_name(fn, false));
	f = finding_add("sleep-in-atomic", "warning", sb_str(&key), fn->file, line, col,
			"%s() runs in %s context and may sleep (%s): sleeping in atomic context",
			context_short_name(fn->name), context_words(ctx), leaf_name(fn, false));
	sb_release(&key);
	context_chain_notes(f, fn, ctx);
	chain_notes(f, fn, false);
}

void check_sleep_in_atomic(const struct program *prog)
{
	struct sleep_info *all = ls_xcalloc(prog->nfuncs ? prog->nfuncs : 1, sizeof(*all));
	int i;

	summarise(prog, all);
	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];

		check_calls(fn);
		if (context_entry(fn) >= 0 && all[i].always.set)
			check_entry(fn);
	}
	ptrtab_clear(&infos);
	free(all);
}
