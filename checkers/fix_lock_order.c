// SPDX-License-Identifier: MIT
/*
 * What rules/cocci/lock-order.cocci needs from an ABBA finding: which of
 * the two orders is the minority, and where its one witness takes the
 * locks.  The dominant order is the one more sites take; the minority
 * site is rewritten to it.  Anything less mechanical (a tie, several
 * minority sites, the inner lock taken down a call) gets a "nofix"
 * reason instead, which "lockscope fix" prints.
 */
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
			    (cs->via ? 1 : 0) + en->vias <= 1 &&
			    summary_map(cs, target, e, en, NULL, NULL, NULL))
				return true;
		}
	}
	return false;
}

/* The sites that take @to while holding @from, as the graph's edges do. */
static int sites(const struct program *prog, const char *from, const char *to)
{
	int i, j, n = 0;

	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];

		for (j = 0; j < fn->nacqs; j++) {
			const struct acquisition *a = &fn->acqs[j];

			n += a->klass == to && !a->trylock && orders(a->kind, a->mode) &&
			     holds(a->held, a->nheld, from);
		}
		for (j = 0; j < fn->ncalls; j++) {
			const struct callsite *cs = &fn->calls[j];

			n += holds(cs->held, cs->nheld, from) && call_acquires(cs, to);
		}
	}
	return n;
}

static const char *short_name(const char *name)
{
	const char *colon = strrchr(name, ':');

	return colon ? colon + 1 : name;
}

void fix_lock_order(struct finding *f, const struct program *prog,
		    const char *klass[2], const struct fix_witness w[2])
{
	int n0 = sites(prog, klass[0], klass[1]);
	int n1 = sites(prog, klass[1], klass[0]);
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
			    short_name(m->fn->name), klass[!minor]);
		return;
	}
	finding_fix(f, "rule", "lock-order");
	finding_fix(f, "func", "%s", short_name(m->fn->name));
	finding_fix(f, "fixfile", "%s", m->fn->file);
	finding_fix(f, "line", "%d", m->acq_line);
	finding_fix(f, "heldline", "%d", m->held_line);
	finding_fix(f, "lock", "%s", m->acq_shown);
	finding_fix(f, "held", "%s", m->held_shown);
	finding_fix(f, "dominant", "%d", minor ? n0 : n1);
}
