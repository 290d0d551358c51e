// SPDX-License-Identifier: MIT
/*
 * wait-under-lock (whole tree): a call that waits for a callback to
 * finish (del_timer_sync(), cancel_work_sync(), free_irq(),
 * synchronize_irq(), removing a sysfs attribute or a device, ...), made
 * while holding lock L, itself or down direct
 * calls, when a callback it waits for acquires L: the callback spins on
 * L, the waiter never lets go.  And synchronize_rcu() inside an RCU
 * read-side critical section.  See waits.c for the model.
 */
#include <stdio.h>
#include <string.h>

#include "lockscope/arena.h"
#include "lockscope/findings.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/waits.h"
#include "lockscope/wholetree.h"


static struct ptrtab reported;		/* interned keys */

/* Once per function, held lock and pseudo lock. */
static bool first_time(const struct func *fn, const char *held, const char *pseudo)
{
	struct strbuf key = STRBUF_INIT;
	const char *k;

	sb_addf(&key, "%s|%s|%s", fn->name, held, pseudo);
	k = strtab_intern(sb_str(&key));
	sb_release(&key);
	if (ptrtab_get(&reported, k))
		return false;
	ptrtab_put(&reported, k, (void *)k);
	return true;
}

/* The wait itself: at @cs in @fn, or down @cs to @e in @target. */
struct wait_path {
	const struct func *fn;
	const struct callsite *cs;
	const struct func *target;		/* NULL: @cs is the wait */
	const struct summary_entry *e;
	const char *pseudo, *shown;
};

static const char *wait_callee(const struct wait_path *w)
{
	return w->target ? w->target->name : w->cs->callee;
}

static void path_notes(struct finding *f, const struct wait_path *w,
		       const struct held_lock *h)
{
	/* a sleep-in-atomic finding at this call is the same bug */
	finding_site(f, w->fn->file, w->cs->line, w->cs->col);
	if (!strcmp(h->kind, "rcu"))
		finding_note(f, w->fn->file, h->line, 0,
			     "the RCU read-side critical section starts here");
	else
		finding_note(f, w->fn->file, h->line, 0, "'%s' (%s) acquired here",
			     h->shown, h->klass);
	if (!w->target)
		return;
	finding_note(f, w->fn->file, w->cs->line, w->cs->col, "%s() calls %s()",
		     func_short_name(w->fn->name), func_short_name(w->target->name));
	wholetree_chain_notes(f, w->target, w->e);
}

static void report_rcu(const struct wait_path *w, const struct held_lock *h)
{
	struct strbuf key = STRBUF_INIT;
	struct finding *f;

	sb_addf(&key, "%s|rcu|%s", w->fn->name, wait_callee(w));
	f = finding_add("wait-under-lock", "error", sb_str(&key), w->fn->file,
			w->cs->line, w->cs->col,
			w->target ? "%s() is called inside an RCU read-side critical section and waits for an RCU grace period: deadlock" :
			"%s() waits for an RCU grace period inside an RCU read-side critical section: deadlock",
			func_short_name(wait_callee(w)));
	sb_release(&key);
	path_notes(f, w, h);
}

static const char *const kind_words[][2] = {
	{ "timer", "the timer" }, { "work", "the work" }, { "irq", "the IRQ handler of" },
	{ "irqline", "the handlers of the IRQ" }, { "sysfs", "the sysfs callbacks of" },
	{ "kobj", "the sysfs callbacks of the attributes of" },
	{ "wq", "every work on the workqueue" },
};

static const char *kind_word(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof(kind_words) / sizeof(kind_words[0]); i++)
		if (!strcmp(kind_words[i][0], kind))
			return kind_words[i][1];
	return kind;
}

static void report(const struct wait_path *w, const char *kind, const struct held_lock *h,
		   const struct func *holder, const struct func *cb,
		   const struct summary_entry *e)
{
	const struct acquisition *a = summary_acq(e);
	struct strbuf key = STRBUF_INIT;
	struct finding *f;

	sb_addf(&key, "%s|%s|%s|%s", w->fn->name, h->klass, w->pseudo, cb->name);
	if (w->target)
		f = finding_add("wait-under-lock", "warning", sb_str(&key), w->fn->file,
				w->cs->line, w->cs->col,
				"%s() is called with '%s' held and waits for %s '%s', whose callback %s() acquires '%s'%s: deadlock",
				func_short_name(w->target->name), h->shown, kind_word(kind),
				w->shown, func_short_name(cb->name), a->klass,
				strcmp(a->mode, "shared") ? "" : " for read");
	else
		f = finding_add("wait-under-lock", "warning", sb_str(&key), w->fn->file,
				w->cs->line, w->cs->col,
				"%s() waits for %s '%s' with '%s' held, and its callback %s() acquires '%s'%s: deadlock",
				func_short_name(w->cs->callee), kind_word(kind), w->shown, h->shown,
				func_short_name(cb->name), a->klass,
				strcmp(a->mode, "shared") ? "" : " for read");
	sb_release(&key);
	path_notes(f, w, h);
	if (wait_holder_work(holder))
		finding_note(f, holder->file, holder->line, 0,
			     "%s() is bound to '%s' here, a work queued on '%s'",
			     func_short_name(cb->name), wait_holder_work(holder),
			     holder->calls[0].held[0].shown);
	else if (!strcmp(kind, "sysfs"))
		finding_note(f, holder->file, holder->line, 0,
			     "%s() is a callback of the attribute '%s'", func_short_name(cb->name),
			     holder->calls[0].held[0].shown);
	else if (!strcmp(kind, "kobj"))
		finding_note(f, holder->file, holder->line, 0,
			     "%s() is a callback of an attribute attached to '%s'",
			     func_short_name(cb->name), holder->calls[0].held[0].shown);
	else if (!strcmp(kind, "irqline"))
		finding_note(f, holder->file, holder->line, 0,
			     "%s() is requested as a handler of the IRQ '%s' here",
			     func_short_name(cb->name), holder->calls[0].held[0].shown);
	else
		finding_note(f, holder->file, holder->line, 0,
			     "%s() is bound to '%s' here: it runs as its %s callback",
			     func_short_name(cb->name), holder->calls[0].held[0].shown, kind);
	wholetree_chain_notes(f, cb, e);
	finding_note(f, w->fn->file, h->line, 0, "scenario: CPU0: lock(%s) in %s()",
		     h->shown, func_short_name(w->fn->name));
	finding_note(f, holder->file, holder->line, 0,
		     "scenario: CPU1: %s() starts, lock(%s) waits for CPU0",
		     func_short_name(cb->name), a->klass);
	finding_note(f, w->fn->file, w->cs->line, 0,
		     "scenario: CPU0: waits for %s() on CPU1 to finish: deadlock",
		     func_short_name(cb->name));
}

static bool both_read(const struct held_lock *h, const struct acquisition *a)
{
	return !strcmp(h->mode, "shared") && !strcmp(a->mode, "shared");
}

/* A class that is only a type ("struct spinlock"): any lock behind a pointer. */
static bool type_only(const char *klass)
{
	return !strncmp(klass, "struct ", 7) && !strstr(klass, "::");
}

/* A callback of pseudo lock @w->pseudo that takes @h, directly or near. */
static void conflict(const struct wait_path *w, const struct held_lock *h)
{
	const struct func *const *holders;
	const char *kind;
	int n, i, t, k;

	holders = wait_holders(w->pseudo, &n, &kind);
	if (!kind)
		return;
	if (!strcmp(kind, "rcu")) {
		if (!strcmp(h->kind, "rcu") && first_time(w->fn, h->klass, w->pseudo))
			report_rcu(w, h);
		return;
	}
	if (!wholetree_lock_kind(h->kind) || wait_is_pseudo(h->kind) || type_only(h->klass))
		return;
	for (i = 0; i < n; i++) {
		const struct callsite *cs = &holders[i]->calls[0];

		for (t = 0; t < cs->ntargets; t++) {
			const struct func *cb = cs->targets[t];

			summaries_wait(cb);	/* they may still be made */
			if (!summary_may_have(cb, h->klass))
				continue;
			for (k = 0; k < cb->nsum; k++) {
				struct summary_entry buf;
				const struct summary_entry *e = summary_get(cb, k, &buf);
				const struct acquisition *a;

				if (summary_klass(e) != h->klass)
					continue;
				a = summary_acq(e);
				if (a->subclass || a->trylock ||
				    both_read(h, a) || e->vias || e->hops > WAIT_CALLBACK_HOPS)
					continue;
				if (first_time(w->fn, h->klass, w->pseudo))
					report(w, kind, h, holders[i], cb, e);
				return;
			}
		}
	}
}

/*
 * Does a function down the chain to the wait drop a lock of its caller's
 * first (tg3_restart_hw() unlocks around tg3_timer_stop())?  Then the
 * lock held at the top may well be released: no finding.
 */
static bool chain_drops_locks(const struct func *fn, const struct summary_entry *e)
{
	const struct acquisition *a = summary_acq(e);
	const struct callsite *cs;
	struct summary_entry buf[2];
	int hops = 0, i;

	while ((cs = summary_call(fn, e)) && hops++ < 64) {
		const struct func *next = summary_callee(fn, e);

		if (cs->rare->nreleased)
			return true;
		/* the next entry may be made from this one */
		e = summary_next(fn, e, &buf[hops % 2]);
		fn = next;
	}
	for (i = 0; i < fn->ncalls; i++)
		if (fn->calls[i].line == a->line && fn->calls[i].col == a->col)
			return fn->calls[i].rare->nreleased > 0;
	return false;
}

/*
 * A target's entries that are waits near enough to follow, by index:
 * few targets have any, and each is called under a lock many times, its
 * whole summary read down the tails each time.
 */
struct near_waits {
	int n;
	unsigned char k[];		/* n entry indices, each below SUMMARY_MAX_ENTRIES */
};

static struct arena near_arena;
static struct ptrtab near_waits_of;	/* target -> its near waits */

static const struct near_waits *near_waits(const struct func *target)
{
	struct near_waits *nw = ptrtab_get(&near_waits_of, target);
	unsigned char k[SUMMARY_MAX_ENTRIES];
	int i, n = 0;

	_Static_assert(SUMMARY_MAX_ENTRIES <= 256, "an entry index is a byte");
	if (nw)
		return nw;
	for (i = 0; i < target->nsum; i++) {
		struct summary_entry buf;
		const struct summary_entry *e = summary_get(target, i, &buf);

		if (wait_is_pseudo(summary_acq(e)->kind) && !e->vias && e->hops < WAIT_NEAR_HOPS)
			k[n++] = i;
	}
	nw = arena_alloc(&near_arena, sizeof(*nw) + n);
	nw->n = n;
	memcpy(nw->k, k, n);
	ptrtab_put(&near_waits_of, target, nw);
	return nw;
}

static void check_callsite(const struct func *fn, const struct callsite *cs)
{
	struct wait_path w = { .fn = fn, .cs = cs };
	int i, j, t, k;

	if (cs->rare->wait) {
		for (i = 0; i < fn->nacqs; i++) {
			const struct acquisition *a = &fn->acqs[i];

			if (wait_is_pseudo(a->kind) && a->line == cs->line && a->col == cs->col)
				break;
		}
		if (i == fn->nacqs)
			return;
		w.pseudo = fn->acqs[i].klass;
		w.shown = cs->rare->wait->shown;
		for (k = 0; k < cs->nheld; k++)
			conflict(&w, &cs->held[k]);
		return;
	}
	if (call_via(cs))
		return;
	for (t = 0; t < cs->ntargets; t++) {
		const struct near_waits *nw;

		w.target = cs->targets[t];
		summaries_wait(w.target);
		nw = near_waits(w.target);
		for (j = 0; j < nw->n; j++) {
			struct summary_entry buf;
			const struct summary_entry *e;
			const struct acquisition *a;

			i = nw->k[j];
			e = summary_get(w.target, i, &buf);
			a = summary_acq(e);
			if (!summary_map(cs, w.target, i, e, NULL, NULL, NULL) ||
			    chain_drops_locks(w.target, e))
				continue;
			w.e = e;
			w.pseudo = a->klass;
			w.shown = a->shown;
			for (k = 0; k < cs->nheld; k++)
				conflict(&w, &cs->held[k]);
		}
	}
}

void check_wait_under_lock(const struct program *prog)
{
	int i, j;

	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];

		if (wait_holder(fn))
			continue;
		for (j = 0; j < fn->ncalls; j++)
			if (fn->calls[j].nheld)
				check_callsite(fn, &fn->calls[j]);
	}
	ptrtab_clear(&near_waits_of);
	arena_rewind(&near_arena, &(struct arena_mark){ 0 });
}
