// SPDX-License-Identifier: MIT
/*
 * rcu-walked-add (whole tree): a plain list_add()/hlist_add_head() into a
 * list that readers walk under RCU.  The _rcu insertions publish the node
 * with a release store, so a reader never sees it before its own fields;
 * the plain ones may let a reader follow a half-initialised node.  The
 * list is named by its head's class ("struct inet_listen_hashbucket::head"),
 * as in the walks.
 *
 * A list_head walk with no rcu_read_lock() of its own (P) reads under RCU
 * when the function runs inside a caller's section: called, by direct
 * calls, from a call site that holds it, or from a function that does.
 */
#include <stdlib.h>
#include <string.h>

#include "lockscope/findings.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/wholetree.h"

struct walk {
	const struct func *fn;
	const struct rcu_event *ev;
	const struct callsite *caller;	/* P: a call that brings RCU */
};

static bool holds_rcu(const struct callsite *cs)
{
	int i;

	for (i = 0; i < cs->nheld; i++)
		if (!strcmp(cs->held[i].kind, "rcu"))
			return true;
	return false;
}

/*
 * The functions some caller runs inside an RCU read-side section: the
 * direct callees of call sites that hold it, and everything they call
 * (each function is pushed once as a root and at most once when marked).
 */
static void functions_under_rcu(const struct program *prog, struct ptrtab *under)
{
	const struct func **stack;
	int i, k, n = 0;

	stack = ls_xmalloc((2 * prog->nfuncs + 1) * sizeof(*stack));
	for (i = 0; i < prog->nfuncs; i++)
		stack[n++] = prog->funcs[i];
	while (n) {
		const struct func *fn = stack[--n];
		bool all = ptrtab_get(under, fn) != NULL;

		for (i = 0; i < fn->ncalls; i++) {
			const struct callsite *cs = &fn->calls[i];

			if (cs->how != 'd' || !(all || holds_rcu(cs)))
				continue;
			for (k = 0; k < cs->ntargets; k++) {
				if (ptrtab_get(under, cs->targets[k]))
					continue;
				ptrtab_put(under, cs->targets[k], (void *)cs);
				stack[n++] = cs->targets[k];
			}
		}
	}
	free(stack);
}

void check_rcu_walked_add(const struct program *prog)
{
	struct ptrtab walks = { 0 }, under = { 0 };
	struct walk *w;
	int i, j, pass;

	functions_under_rcu(prog, &under);
	/* walks in a section of their own first: they need no caller */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < prog->nfuncs; i++) {
			const struct func *fn = prog->funcs[i];

			for (j = 0; j < fn->nrcu; j++) {
				const struct rcu_event *ev = &fn->rcu[j];
				const struct callsite *caller = NULL;

				if (ev->tag != (pass ? 'P' : 'W') || ptrtab_get(&walks, ev->head))
					continue;
				if (pass && !(caller = ptrtab_get(&under, fn)))
					continue;
				w = ls_xmalloc(sizeof(*w));
				w->fn = fn;
				w->ev = ev;
				w->caller = caller;
				ptrtab_put(&walks, ev->head, w);
			}
		}
	}
	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];

		for (j = 0; j < fn->nrcu; j++) {
			const struct rcu_event *ev = &fn->rcu[j];
			struct strbuf key = STRBUF_INIT;
			struct finding *f;

			if (ev->tag != 'L' || strcmp(ev->op, "add") ||
			    !(w = ptrtab_get(&walks, ev->head)) || strcmp(w->ev->link, ev->link))
				continue;
			sb_addf(&key, "%s|%s", fn->name, ev->head);
			f = finding_add("rcu-walked-add", "warning", sb_str(&key), fn->file,
					ev->line, ev->col,
					"%s() links a node into '%s' (%s) with a plain insertion, but RCU readers walk that list: use the _rcu variant, which publishes the node only once it is initialised",
					func_short_name(fn->name), ev->shown, ev->head);
			sb_release(&key);
			finding_fix(f, "rule", "rcu-walked-add");
			finding_fix(f, "func", "%s", func_short_name(fn->name));
			finding_fix(f, "line", "%d", ev->line);
			finding_note(f, w->fn->file, w->ev->line, w->ev->col,
				     "%s() walks '%s' under RCU here",
				     func_short_name(w->fn->name), w->ev->shown);
			if (w->caller)
				finding_note(f, w->caller->caller->file, w->caller->line,
					     w->caller->col, "%s() calls %s() inside an RCU read-side section",
					     func_short_name(w->caller->caller->name),
					     func_short_name(w->caller->callee));
		}
	}
	ptrtab_clear(&under);
	/* the walks are small and few; the table goes with the process */
}
