// SPDX-License-Identifier: MIT
/*
 * callback-under-lock (whole tree): a call made while holding lock L that
 * reaches, through any number of calls, function pointers and notifier
 * chains, an acquisition of L.  The same instance (mapped through the
 * parameters) is a certain deadlock and an error; the same class with an
 * instance that cannot be followed is a warning.  Read after read on an
 * rwlock is allowed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/findings.h"
#include "lockscope/program.h"
#include "lockscope/strbuf.h"
#include "lockscope/waits.h"
#include "lockscope/wholetree.h"

void wholetree_call_note(struct finding *f, const struct callsite *cs,
			 const struct func *target)
{
	const char *via = call_via(cs);

	finding_note(f, cs->caller->file, cs->line, cs->col, "%s() calls %s()%s%s",
		     func_short_name(cs->caller->name), func_short_name(target->name),
		     via ? " through " : "", via ? via : "");
}

/* Notes for each hop from @e (in @fn's summary) down to the acquisition. */
void wholetree_chain_notes(struct finding *f, const struct func *fn,
			   const struct summary_entry *e)
{
	const struct acquisition *a = summary_acq(e);
	const struct callsite *cs;
	struct summary_entry buf[2];
	int hops = 0;

	while ((cs = summary_call(fn, e)) && hops++ < 64) {
		const struct func *next = summary_callee(fn, e);

		wholetree_call_note(f, cs, next);
		/* the next entry may be made from this one */
		e = summary_next(fn, e, &buf[hops % 2]);
		fn = next;
	}
	if (wait_is_pseudo(a->kind) && !strncmp(a->klass, "(rcu)", 5))
		finding_note(f, fn->file, a->line, a->col,
			     "%s() waits for an RCU grace period here", func_short_name(fn->name));
	else if (wait_is_pseudo(a->kind))
		finding_note(f, fn->file, a->line, a->col, "%s() waits for '%s' (%s) here",
			     func_short_name(fn->name), a->shown, a->klass);
	else
		finding_note(f, fn->file, a->line, a->col, "%s() acquires '%s'%s here",
			     func_short_name(fn->name), a->shown,
			     strcmp(a->mode, "shared") ? "" : " for read");
}

/*
 * "&$0->idev->lock" and "&$0->idev->dev->ip6_ptr->lock": one object is
 * reached from the other by following pointers to its own type — a back
 * pointer, the same object more often than not (seed 000's idev).
 */
static bool related_instances(const char *a, const char *b)
{
	const char *ea = strrchr(a, '>'), *eb = strrchr(b, '>');
	size_t la, lb;

	if (!ea || !eb || ea == a || eb == b)
		return false;
	la = ea - 1 - a;		/* the object's pointer, before "->lock" */
	lb = eb - 1 - b;
	if (la == lb || strcmp(ea, eb))
		return false;
	if (la > lb) {
		const char *t = a;
		size_t l = la;

		a = b;
		b = t;
		la = lb;
		lb = l;
	}
	return !strncmp(a, b, la) && (b[la] == '-' || b[la] == '.');
}

static const char *mode_words(const char *kind, const char *mode)
{
	if (strcmp(kind, "rwlock") && strcmp(kind, "rwsem"))
		return "";
	return strcmp(mode, "shared") ? " for write" : " for read";
}

static bool read_read(const struct held_lock *h, const struct acquisition *a)
{
	return !strcmp(h->mode, "shared") && !strcmp(a->mode, "shared") &&
	       !strcmp(h->kind, "rwlock");
}

/*
 * How bad is taking @e (mapped to @inst) with @h held: 2 the same
 * instance, 1 maybe the same, 0 not a problem.
 */
#define NEAR_HOPS 3
#define MAX_FIELD_HOPS 1

/*
 * Calls through an ops-struct field go to every function bound to that
 * field anywhere, most of them not this object's: a chain may pass one,
 * and what it finds is then a warning, not a certainty.
 */
static int field_hops(const struct callsite *cs, const struct summary_entry *e)
{
	return (cs->how == 'f') + e->fields;
}

static bool near_and_direct(const struct summary_entry *e)
{
	return !e->vias && e->hops <= NEAR_HOPS;
}

static int match(const struct held_lock *h, const struct summary_entry *e,
		 const char *inst)
{
	const struct acquisition *a = summary_acq(e);

	if (h->klass != a->klass || read_read(h, a) ||
	    !wholetree_lock_kind(h->kind) || a->subclass ||
	    wait_is_pseudo(h->kind))	/* wait-under-lock's */
		return 0;
	if (h->inst && inst && h->inst == inst)
		return 2;
	/* two instances of one class, unless related */
	if (h->inst && inst && !related_instances(h->inst, inst))
		return 0;
	/*
	 * An instance that cannot be followed, far away or behind a function
	 * pointer, is most often another object: only near, direct chains.
	 */
	if (!(h->inst && inst) && !near_and_direct(e))
		return 0;
	return 1;
}

static void report(const struct func *fn, const struct callsite *cs,
		   const struct func *target, const struct held_lock *h,
		   const struct summary_entry *e, bool same)
{
	struct strbuf key = STRBUF_INIT;
	struct finding *f;

	sb_addf(&key, "%s|%s|%s", fn->name, h->klass, target->name);
	f = finding_add("callback-under-lock", same ? "error" : "warning",
			sb_str(&key), fn->file, cs->line, cs->col,
			same ? "%s() is called with '%s' held%s and acquires it again%s: deadlock" :
			"%s() is called with '%s' held%s and acquires a lock of the same class%s: deadlock if it is the same instance",
			func_short_name(target->name), h->shown, mode_words(h->kind, h->mode),
			mode_words(summary_acq(e)->kind, summary_acq(e)->mode));
	sb_release(&key);
	/* one call, one bug: the outermost lock it takes again is shown */
	finding_site(f, fn->file, cs->line, cs->col);
	f->rank = h->line;
	finding_note(f, fn->file, h->line, 0, "'%s' (%s) acquired here", h->shown, h->klass);
	wholetree_call_note(f, cs, target);
	wholetree_chain_notes(f, target, e);
	/* rules/cocci/callback-under-lock.cocci finds the spot by these */
	finding_fix(f, "rule", "callback-under-lock");
	finding_fix(f, "func", "%s", func_short_name(fn->name));
	finding_fix(f, "callee", "%s", func_short_name(target->name));
	finding_fix(f, "line", "%d", cs->line);
	finding_fix(f, "lockline", "%d", h->line);
	finding_fix(f, "lock", "%s", h->shown);
}

static void check_call(const struct func *fn, const struct callsite *cs)
{
	static struct summary_entry made[SUMMARY_MAX_ENTRIES];
	int t, k, i;

	for (t = 0; t < cs->ntargets; t++) {
		const struct func *target = cs->targets[t];
		const struct summary_entry *all = NULL;

		/* beside the summaries: this one's and its callees' (chains) */
		summaries_wait(target);
		for (i = 0; i < cs->nheld; i++) {
			const struct held_lock *h = &cs->held[i];
			struct summary_entry worst;
			int level = 0;

			/* match() refuses these whatever the entry: no need to look */
			if (!wholetree_lock_kind(h->kind) || wait_is_pseudo(h->kind) ||
			    !summary_may_have(target, h->klass))
				continue;
			if (!all)
				all = summary_all(target, made);
			/* one finding per held lock and callee: the worst path */
			for (k = 0; k < target->nsum && level < 2; k++) {
				const struct summary_entry *e = &all[k];
				const char *inst;
				int m;

				/* match() wants the class first: map only those */
				if (summary_klass(e) != h->klass ||
				    !summary_map(cs, target, k, e, &inst, NULL, NULL))
					continue;
				m = match(h, e, inst);
				/* behind a function pointer at the first hop, too */
				if (m == 1 && !(h->inst && inst) && call_via(cs))
					m = 0;
				if (m && field_hops(cs, e) > MAX_FIELD_HOPS)
					m = 0;
				if (m == 2 && field_hops(cs, e))
					m = 1;
				if (m > level) {
					level = m;
					worst = *e;
				}
			}
			if (level)
				report(fn, cs, target, h, &worst, level == 2);
		}
	}
}

static void check_function(const struct func *fn)
{
	int j;

	for (j = 0; j < fn->ncalls; j++)
		if (fn->calls[j].nheld)
			check_call(fn, &fn->calls[j]);
}

/* A function with calls under a lock, and the last SCC its targets are in. */
struct pending {
	int ready, i;
};

static int by_ready(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;

	if (x->ready != y->ready)
		return x->ready < y->ready ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/*
 * The functions are checked as their targets' summaries come, by the last
 * SCC those are in, not in the program's order: beside the summaries, one
 * call of a target summarised last would hold up all that follow it until
 * the summaries end.  The findings are put back in the program's order.
 */
void check_callback_under_lock(const struct program *prog)
{
	struct pending *pending = ls_xmalloc((prog->nfuncs + 1) * sizeof(*pending));
	int *ends = ls_xmalloc((prog->nfuncs + 1) * sizeof(*ends));
	int *keys = ls_xmalloc((prog->nfuncs + 1) * sizeof(*keys));
	int npending = 0, nruns = 0, from, i, j, t;

	summaries_wait_sccs();
	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];
		int ready = -1;

		for (j = 0; j < fn->ncalls; j++) {
			const struct callsite *cs = &fn->calls[j];

			for (t = 0; cs->nheld && t < cs->ntargets; t++)
				if (cs->targets[t]->scc > ready)
					ready = cs->targets[t]->scc;
		}
		if (ready >= 0)
			pending[npending++] = (struct pending){ ready, i };
	}
	qsort(pending, npending, sizeof(*pending), by_ready);
	from = findings_here();
	for (i = 0; i < npending; i++) {
		int before = findings_here();

		check_function(prog->funcs[pending[i].i]);
		if (findings_here() > before) {
			ends[nruns] = findings_here();
			keys[nruns++] = pending[i].i;
		}
	}
	findings_order_runs(from, ends, keys, nruns);
	free(pending);
	free(ends);
	free(keys);
}
