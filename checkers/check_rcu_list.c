// SPDX-License-Identifier: MIT
/*
 * rcu-walked-add (whole tree): a plain list_add()/hlist_add_head() into a
 * list that readers walk under RCU.  The _rcu insertions publish the node
 * with a release store, so a reader never sees it before its own fields;
 * the plain ones may let a reader follow a half-initialised node.  The
 * list is named by its head's class ("struct inet_listen_hashbucket::head"),
 * as in the walks.
 */
#include <string.h>

#include "lockscope/findings.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/wholetree.h"

struct walk {
	const struct func *fn;
	const struct rcu_event *ev;
};

static const char *short_name(const char *name)
{
	const char *colon = strrchr(name, ':');

	return colon ? colon + 1 : name;
}

void check_rcu_walked_add(const struct program *prog)
{
	struct ptrtab walks = { 0 };
	struct walk *w;
	int i, j;

	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];

		for (j = 0; j < fn->nrcu; j++) {
			const struct rcu_event *ev = &fn->rcu[j];

			if (ev->tag != 'W' || ptrtab_get(&walks, ev->head))
				continue;
			w = ls_xmalloc(sizeof(*w));
			w->fn = fn;
			w->ev = ev;
			ptrtab_put(&walks, ev->head, w);
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
					short_name(fn->name), ev->shown, ev->head);
			sb_release(&key);
			finding_fix(f, "rule", "rcu-walked-add");
			finding_fix(f, "func", "%s", short_name(fn->name));
			finding_fix(f, "line", "%d", ev->line);
			finding_note(f, w->fn->file, w->ev->line, w->ev->col,
				     "%s() walks '%s' under RCU here",
				     short_name(w->fn->name), w->ev->shown);
		}
	}
	/* the walks are small and few; the table goes with the process */
}
