// SPDX-License-Identifier: MIT
/*
 * What rules/cocci/lock-order.cocci needs from an ABBA finding: which of
 * the two orders is the minority, and where its one witness takes the
 * locks.  The dominant order is the one more sites take; the minority
 * site is rewritten to it.  Anything less mechanical (a tie, several
 * minority sites, the inner lock taken down a call) gets a "nofix"
 * reason instead, which "lockscope fix" prints.
 */
#include <stdlib.h>
#include <string.h>

#include "lockscope/fix.h"
#include "lockscope/wholetree.h"

static bool orders(const char *kind, const char *mode)
{
	return wholetree_lock_kind(kind) && !(!strcmp(kind, "rwlock") && !strcmp(mode, "shared"));
}

static bool holds(const struct held_lock *held, int nheld, const char *klass)
{
	int i;

	for (i = 0; i < nheld; i++)
		if (held[i].klass == klass && wholetree_lock_kind(held[i].kind))
			return true;
	return false;
}

static bool call_acquires(const struct callsite *cs, const char *klass)
{
	int t, e;

	for (t = 0; t < cs->ntargets; t++) {
		const struct func *target = cs->targets[t];

		if (!summary_may_have(target, klass))
			continue;
		for (e = 0; e < target->nsum; e++) {
			struct summary_entry buf;
			const struct summary_entry *en = summary_get(target, e, &buf);
			const struct acquisition *a;

			if (summary_klass(en) != klass)
				continue;
			a = summary_acq(en);
			if (orders(a->kind, a->mode) &&
			    (call_via(cs) ? 1 : 0) + en->vias <= 1 &&
			    summary_map(cs, target, e, en, NULL, NULL, NULL))
				return true;
		}
	}
	return false;
}

/*
 * The ABBA findings waiting for their site counts: counting walks every
 * call of the program, once for all of them (once per order of each was
 * a second of lock-order at kernel size, for ten findings).
 */
struct pending_fix {
	struct finding *f;
	const char *klass[2];
	struct fix_witness w[2];
	int sites[2];		/* [i]: holding klass[i], taking the other */
};

static struct pending_fix *pending;
static int npending, apending;

/* Count, for each pending order, the sites that take it as the graph's edges do. */
static void count_sites(const struct program *prog)
{
	int i, j, p, d;

	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];

		for (j = 0; j < fn->nacqs; j++) {
			const struct acquisition *a = &fn->acqs[j];

			if (!a->nheld || a->trylock || !orders(a->kind, a->mode))
				continue;
			for (p = 0; p < npending; p++)
				for (d = 0; d < 2; d++)
					pending[p].sites[d] += a->klass == pending[p].klass[!d] &&
							       holds(a->held, a->nheld, pending[p].klass[d]);
		}
		for (j = 0; j < fn->ncalls; j++) {
			const struct callsite *cs = &fn->calls[j];

			if (!cs->nheld)
				continue;
			for (p = 0; p < npending; p++)
				for (d = 0; d < 2; d++)
					pending[p].sites[d] += holds(cs->held, cs->nheld, pending[p].klass[d]) &&
							       call_acquires(cs, pending[p].klass[!d]);
		}
	}
}

void fix_lock_order(struct finding *f, const char *klass[2], const struct fix_witness w[2])
{
	if (npending == apending) {
		apending = apending ? 2 * apending : 16;
		pending = ls_xrealloc(pending, apending * sizeof(*pending));
	}
	pending[npending++] = (struct pending_fix){
		.f = f, .klass = { klass[0], klass[1] }, .w = { w[0], w[1] }
	};
}

static void add_fix(struct finding *f, const char *klass[2], const struct fix_witness w[2],
		    int n0, int n1)
{
	int minor = n0 < n1 ? 0 : 1, nminor = minor ? n1 : n0;
	const struct fix_witness *m = &w[minor];

	if (n0 == n1) {
		finding_fix(f, "nofix", "no dominant order: '%s' and '%s' are taken in each order at %d site%s",
			    klass[0], klass[1], n0, n0 == 1 ? "" : "s");
		return;
	}
	if (nminor > 1) {
		finding_fix(f, "nofix", "the minority order ('%s' then '%s') is taken at %d sites; one patch fixes one",
			    klass[minor], klass[!minor], nminor);
		return;
	}
	if (!m->acq_line) {
		finding_fix(f, "nofix", "%s() takes '%s' down a call: reordering is not mechanical",
			    func_short_name(m->fn->name), klass[!minor]);
		return;
	}
	finding_fix(f, "rule", "lock-order");
	finding_fix(f, "func", "%s", func_short_name(m->fn->name));
	finding_fix(f, "fixfile", "%s", m->fn->file);
	finding_fix(f, "line", "%d", m->acq_line);
	finding_fix(f, "heldline", "%d", m->held_line);
	finding_fix(f, "lock", "%s", m->acq_shown);
	finding_fix(f, "held", "%s", m->held_shown);
	finding_fix(f, "dominant", "%d", minor ? n0 : n1);
}

void fix_lock_order_finish(const struct program *prog)
{
	int p;

	count_sites(prog);
	for (p = 0; p < npending; p++)
		add_fix(pending[p].f, pending[p].klass, pending[p].w,
			pending[p].sites[0], pending[p].sites[1]);
	free(pending);
	pending = NULL;
	npending = apending = 0;
}
