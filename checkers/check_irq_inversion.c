// SPDX-License-Identifier: MIT
/*
 * irq-inversion (whole tree): lockdep's "inconsistent lock state",
 * statically.  A spinlock or rwlock class acquired in hard-IRQ (softirq)
 * context and acquired elsewhere with hard irqs (softirqs) enabled: the
 * interrupt can arrive on the CPU that holds it there, and spin forever.
 * Read after read on an rwlock does not deadlock; a read in the
 * interrupt against a write with only softirqs off does.
 */
#include <stdlib.h>
#include <string.h>

#include "lockscope/context.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/wholetree.h"

/* Per class: the first interrupt-side site by mode, every enabled one. */
struct sides {
	const struct acquisition *in_irq[2];	/* [shared] */
	int nenabled;
	const struct acquisition **enabled;
};

static void add_enabled(struct sides *s, const struct acquisition *a)
{
	s->enabled = ls_xrealloc(s->enabled, (s->nenabled + 1) * sizeof(*s->enabled));
	s->enabled[s->nenabled++] = a;
}


static bool excl(const struct acquisition *a)
{
	return strcmp(a->mode, "shared") != 0;
}

static const char *mode_words(const struct acquisition *a)
{
	if (strcmp(a->kind, "rwlock"))
		return "";
	return excl(a) ? " for write" : " for read";
}

/*
 * A class lockdep would tell apart: a struct member or a global, not a
 * bare type ("struct spinlock" behind a spinlock_t pointer) or unknown.
 */
static bool named_class(const char *klass)
{
	return strstr(klass, "::") || (!strchr(klass, ' ') && strcmp(klass, "?"));
}

static bool spinning(const struct acquisition *a)
{
	return !a->trylock && (!strcmp(a->kind, "spin") || !strcmp(a->kind, "rwlock")) &&
	       named_class(a->klass);
}

/*
 * The two sites in one directory: a driver's interrupt path against its
 * own process context.  Core code that a driver's handler reaches is
 * called elsewhere under conventions not modelled here (ndo_set_rx_mode
 * under the upper device's addr_lock_bh, do_xdp_generic() under
 * local_bh_disable(), in_softirq() tests), so across directories the
 * "enabled" side is mostly not.
 */
static bool same_directory(const char *a, const char *b)
{
	const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
	size_t la = sa ? (size_t)(sa - a) : 0, lb = sb ? (size_t)(sb - b) : 0;

	return la == lb && !strncmp(a, b, la);
}

static bool enabled_at(const struct acquisition *a, int ctx)
{
	if (ctx == EC_HARDIRQ)
		return !a->irq_off && !held_line_off(a->held, a->nheld) &&
		       !context_line_off(a->fn);
	return !a->bh_off && !held_bh_off(a->held, a->nheld) &&
	       !context_bh_off(a->fn) && !context_irqs_off(a->fn);
}

static bool earlier(const struct acquisition *a, const struct acquisition *b)
{
	int c = strcmp(a->fn->file, b->fn->file);

	return c ? c < 0 : a->line < b->line;
}

static const char *flavour_words(int ctx)
{
	return ctx == EC_HARDIRQ ? "hard irqs" : "softirqs";
}

static void report(const struct program *prog, int ctx,
		   const struct acquisition *irq, const struct acquisition *on)
{
	const struct callsite *caller = context_enabled_caller(on->fn, ctx);
	struct strbuf key = STRBUF_INIT;
	struct finding *f;
	const char *irq_fn = func_short_name(irq->fn->name);
	const char *on_fn = func_short_name(on->fn->name);

	sb_addf(&key, "%s|%s", context_name(ctx), irq->klass);
	f = finding_add("irq-inversion", "warning", sb_str(&key), on->fn->file,
			on->line, on->col,
			"'%s' (%s) is acquired%s in %s context and here%s with %s enabled: deadlock if the interrupt comes while it is held",
			on->shown, on->klass, mode_words(irq),
			context_words(ctx), mode_words(on), flavour_words(ctx));
	sb_release(&key);
	context_chain_notes(f, irq->fn, ctx);
	finding_note(f, irq->fn->file, irq->line, irq->col, "%s() acquires '%s'%s here",
		     irq_fn, irq->shown, mode_words(irq));
	if (caller)
		finding_note(f, caller->caller->file, caller->line, caller->col,
			     "%s() calls %s() with %s enabled",
			     func_short_name(caller->caller->name), on_fn,
			     flavour_words(ctx));
	finding_note(f, on->fn->file, on->line, 0,
		     "scenario: CPU0: lock(%s) in %s() with %s enabled",
		     on->klass, on_fn, flavour_words(ctx));
	finding_note(f, irq->fn->file, irq->line, 0,
		     "scenario: CPU0: <%s> lock(%s) in %s(): deadlock",
		     context_words(ctx), irq->klass, irq_fn);
}

/* The first enabled site near @irq that deadlocks against it. */
static const struct acquisition *partner(const struct sides *s,
					 const struct acquisition *irq)
{
	const struct acquisition *best = NULL;
	int i;

	if (!irq)
		return NULL;
	for (i = 0; i < s->nenabled; i++) {
		const struct acquisition *a = s->enabled[i];

		if ((!excl(irq) && !excl(a)) || !same_directory(a->fn->file, irq->fn->file))
			continue;
		if (!best || earlier(a, best))
			best = a;
	}
	return best;
}

/* Classes with a hard-irq finding: their softirq one would say less. */
static struct ptrtab reported;

static void check_context(const struct program *prog, int ctx)
{
	struct ptrtab classes = { 0 };
	struct sides **list = NULL;
	int nlist = 0, i, j;

	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];

		for (j = 0; j < fn->nacqs; j++) {
			const struct acquisition *a = &fn->acqs[j];
			bool in_irq = context_reached(fn, ctx), on;
			struct sides *s;

			if (!spinning(a) || ptrtab_get(&reported, a->klass))
				continue;
			on = enabled_at(a, ctx);
			if (!in_irq && !on)
				continue;
			s = ptrtab_get(&classes, a->klass);
			if (!s) {
				s = ls_xcalloc(1, sizeof(*s));
				ptrtab_put(&classes, a->klass, s);
				list = ls_xrealloc(list, (nlist + 1) * sizeof(*list));
				list[nlist++] = s;
			}
			if (in_irq && (!s->in_irq[!excl(a)] || earlier(a, s->in_irq[!excl(a)])))
				s->in_irq[!excl(a)] = a;
			if (on)
				add_enabled(s, a);
		}
	}
	for (i = 0; i < nlist; i++) {
		const struct sides *s = list[i];

		const struct acquisition *irq = s->in_irq[0], *on = partner(s, irq);

		if (!on) {
			irq = s->in_irq[1];
			on = partner(s, irq);
		}
		if (on) {
			report(prog, ctx, irq, on);
			ptrtab_put(&reported, irq->klass, (void *)irq);
		}
		free(list[i]->enabled);
		free(list[i]);
	}
	free(list);
	ptrtab_clear(&classes);
}

void check_irq_inversion(const struct program *prog)
{
	check_context(prog, EC_HARDIRQ);
	check_context(prog, EC_SOFTIRQ);
	ptrtab_clear(&reported);
}
