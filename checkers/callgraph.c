// SPDX-License-Identifier: MIT
/*
 * The global call graph: direct calls by name, calls through a struct
 * field to every function bound to that field anywhere in the tree, and
 * notifier chain calls to the callbacks registered on the chain
 * (notifiers.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"

static struct ptrtab registrations;	/* "name#arg" -> field it fills */

const char *registration_field(const char *callee, long long arg)
{
	struct strbuf key = STRBUF_INIT;
	const char *field;

	sb_addf(&key, "%s#%lld", callee, arg);
	field = ptrtab_get(&registrations, strtab_intern(sb_str(&key)));
	sb_release(&key);
	return field;
}

/* rules/registrations.tab: "function argN struct T::field" lines. */
static void load_registrations(const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	char line[512];
	int nr = 0;
	FILE *f;

	sb_addf(&path, "%s/registrations.tab", dir);
	f = fopen(sb_str(&path), "r");
	if (!f)
		ls_fatal("cannot read '%s': %s", sb_str(&path), strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		char *hash = strchr(line, '#'), name[128], field[256];
		struct strbuf key = STRBUF_INIT;
		int n, arg = 0;

		nr++;
		if (hash)
			*hash = '\0';
		n = sscanf(line, "%127s arg%d %255[^\n]", name, &arg, field);
		if (n <= 0)
			continue;
		if (n != 3 || !strstr(field, "::"))
			ls_fatal("%s:%d: expected 'function argN struct T::field'",
				 sb_str(&path), nr);
		while (field[strlen(field) - 1] == ' ' || field[strlen(field) - 1] == '\t')
			field[strlen(field) - 1] = '\0';
		sb_addf(&key, "%s#%d", name, arg);
		ptrtab_put(&registrations, strtab_intern(sb_str(&key)),
			   (void *)strtab_intern(field));
		sb_release(&key);
	}
	fclose(f);
	sb_release(&path);
}

void program_load_callbacks(const char *dir)
{
	notifiers_load(dir);
	load_registrations(dir);
}

static void add_target(struct callsite *cs, struct func *fn)
{
	int i;

	for (i = 0; i < cs->ntargets; i++)
		if (cs->targets[i] == fn)
			return;
	cs->targets = ls_xrealloc(cs->targets, (cs->ntargets + 1) * sizeof(*cs->targets));
	cs->targets[cs->ntargets++] = fn;
}

/* The targets of a call through @field, resolved once per field. */
static struct ptrtab field_targets;	/* field -> struct callsite holding them */

static void add_bound(struct callsite *cs, const char *field)
{
	struct binding *b = program_binding(field);
	struct callsite *all;
	int i;

	if (!b)
		return;
	cs->via = field;
	all = ptrtab_get(&field_targets, field);
	if (!all) {
		struct ptrtab seen = { 0 };

		all = ls_xcalloc(1, sizeof(*all));
		for (i = 0; i < b->nfns; i++) {
			struct func *fn;

			for (fn = program_function(b->fns[i]); fn; fn = fn->next_same) {
				if (ptrtab_get(&seen, fn))
					continue;
				ptrtab_put(&seen, fn, fn);
				all->targets = ls_xrealloc(all->targets,
							   (all->ntargets + 1) * sizeof(*all->targets));
				all->targets[all->ntargets++] = fn;
			}
		}
		ptrtab_clear(&seen);
		ptrtab_put(&field_targets, field, all);
	}
	/* shared: a call through a field gets no other targets */
	cs->targets = all->targets;
	cs->ntargets = all->ntargets;
}

void callgraph_build(struct program *prog)
{
	int i, j;

	notifiers_collect(prog);
	for (i = 0; i < prog->nfuncs; i++) {
		struct func *fn = prog->funcs[i];
		unsigned int edges = 0;

		for (j = 0; j < fn->ncalls; j++) {
			struct callsite *cs = &fn->calls[j];
			struct func *t;

			cs->caller = fn;
			if (cs->how == 'f') {
				add_bound(cs, cs->callee);
				continue;
			}
			if (cs->how != 'd')
				continue;
			for (t = program_function(cs->callee); t; t = t->next_same)
				add_target(cs, t);
			notifiers_targets(cs, add_target);
		}
		/* summary entries name a call and target by one number */
		for (j = 0; j < fn->ncalls; j++) {
			fn->calls[j].edge0 = edges;
			edges += fn->calls[j].ntargets;
		}
		for (j = 0; j < fn->nacqs; j++)
			fn->acqs[j].fn = fn;
	}
}
