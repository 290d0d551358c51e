// SPDX-License-Identifier: MIT
/*
 * rcu-free across one call (whole tree): the unpublish and the kfree() of
 * an object in two functions, with no grace period between them.
 *
 *  - a helper takes its parameter off an RCU list (list_del_rcu(), ...)
 *    and returns with no synchronize_rcu(); its caller then kfree()s the
 *    object it passed;
 *  - a function unpublishes an object and passes it to a helper that
 *    kfree()s its parameter with no grace period.
 *
 * The per-file step (check_rcu_free.c) writes both sides as N records;
 * the call is matched by its position, and resolved through direct calls.
 */
#include <string.h>

#include "lockscope/findings.h"
#include "lockscope/program.h"
#include "lockscope/strbuf.h"
#include "lockscope/wholetree.h"

/* @fn's N record of @kind on parameter @k, or NULL. */
static const struct rcu_event *summary(const struct func *fn, const char *kind, int k)
{
	int i;

	for (i = 0; i < fn->nrcu; i++) {
		const struct rcu_event *ev = &fn->rcu[i];

		if (ev->tag == 'N' && !strcmp(ev->op, kind) && ev->arg == k)
			return ev;
	}
	return NULL;
}

/* The direct call of @fn at the position @ev names. */
static const struct callsite *call_at(const struct func *fn, const struct rcu_event *ev)
{
	int i;

	for (i = 0; i < fn->ncalls; i++) {
		const struct callsite *cs = &fn->calls[i];

		if (cs->how == 'd' && cs->line == ev->cline && cs->col == ev->ccol &&
		    !strcmp(func_short_name(cs->callee), func_short_name(ev->node)))
			return cs;
	}
	return NULL;
}

static void report(const struct func *fn, const struct rcu_event *ev,
		   const struct callsite *cs, const struct func *callee,
		   const struct rcu_event *inside)
{
	struct strbuf key = STRBUF_INIT;
	struct finding *f;
	bool free_here = !strcmp(ev->op, "free-after-call");

	sb_addf(&key, "%s|%s|%s", fn->name, callee->name, ev->shown);
	if (free_here) {
		f = finding_add("rcu-free", "warning", sb_str(&key), fn->file, ev->line, ev->col,
				"%s() frees '%s' with %s() after %s() unpublished it, without a grace period: RCU readers may still be using it (synchronize_rcu() first, or kfree_rcu())",
				func_short_name(fn->name), ev->shown, ev->obj,
				func_short_name(callee->name));
		finding_note(f, fn->file, cs->line, cs->col, "%s() is passed '%s' here",
			     func_short_name(callee->name), ev->shown);
		finding_note(f, callee->file, inside->line, inside->col,
			     "%s() unpublishes it here (%s) and returns without a grace period",
			     func_short_name(callee->name), inside->obj);
	} else {
		f = finding_add("rcu-free", "warning", sb_str(&key), fn->file, cs->line, cs->col,
				"%s() unpublishes '%s' and passes it to %s(), which frees it with %s() without a grace period: RCU readers may still be using it (synchronize_rcu() first, or kfree_rcu())",
				func_short_name(fn->name), ev->shown,
				func_short_name(callee->name), inside->obj);
		finding_note(f, fn->file, ev->line, ev->col, "'%s' is unpublished here (%s)",
			     ev->shown, ev->obj);
		finding_note(f, callee->file, inside->line, inside->col,
			     "%s() frees its parameter here", func_short_name(callee->name));
	}
	sb_release(&key);
}

void check_rcu_free_calls(const struct program *prog)
{
	int i, j, k;

	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];

		for (j = 0; j < fn->nrcu; j++) {
			const struct rcu_event *ev = &fn->rcu[j];
			const struct callsite *cs;
			const char *want;

			if (ev->tag != 'N')
				continue;
			if (!strcmp(ev->op, "free-after-call"))
				want = "unpub";
			else if (!strcmp(ev->op, "call-after-unpub"))
				want = "frees";
			else
				continue;
			if (!(cs = call_at(fn, ev)))
				continue;
			for (k = 0; k < cs->ntargets; k++) {
				const struct rcu_event *inside = summary(cs->targets[k], want, ev->arg);

				if (inside) {
					report(fn, ev, cs, cs->targets[k], inside);
					break;
				}
			}
		}
	}
}
