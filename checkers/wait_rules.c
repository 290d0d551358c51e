// SPDX-License-Identifier: MIT
/* rules/waits.tab: calls that bind callbacks to objects and calls that wait. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/tables.h"
#include "lockscope/waits.h"

static struct ptrtab rules;		/* interned name -> struct wait_rule list */
static struct ptrtab stores;		/* interned field -> kind */

const struct wait_rule *wait_rule(const char *name)
{
	return ptrtab_get(&rules, strtab_intern(name));
}

const char *wait_store_kind(const char *field)
{
	return ptrtab_get(&stores, strtab_intern(field));
}

static bool parse_arg(const char *s, int *arg)
{
	char *end;

	if (!strcmp(s, "-")) {
		*arg = -1;
		return true;
	}
	if (strncmp(s, "arg", 3))
		return false;
	*arg = strtol(s + 3, &end, 10);
	return end != s + 3 && !*end && *arg >= 0 && *arg < 16;
}

static void add_rule(const char *name, enum wait_role role, const char *kind,
		     int object, int callback)
{
	struct wait_rule *r = ls_xcalloc(1, sizeof(*r));
	struct wait_rule *last;

	name = strtab_intern(name);
	r->role = role;
	r->kind = strtab_intern(kind);
	r->object = object;
	r->callback = callback;
	/* in the table's order: a wait tries its rules first to last */
	last = ptrtab_get(&rules, name);
	if (!last) {
		ptrtab_put(&rules, name, r);
		return;
	}
	while (last->next)
		last = (struct wait_rule *)last->next;
	last->next = r;
}

static bool parse_line(char **w, int n)
{
	int a, b;

	if (!strcmp(w[0], "bind"))
		return n == 5 && parse_arg(w[3], &a) && parse_arg(w[4], &b) &&
		       a >= 0 && b >= 0 && (add_rule(w[1], WAIT_BIND, w[2], a, b), true);
	if (!strcmp(w[0], "attach"))
		return n == 5 && parse_arg(w[3], &a) && parse_arg(w[4], &b) &&
		       a >= 0 && b >= 0 && (add_rule(w[1], WAIT_ATTACH, w[2], a, b), true);
	if (!strcmp(w[0], "queue"))
		return n == 4 && parse_arg(w[2], &a) && parse_arg(w[3], &b) &&
		       a >= 0 && b >= 0 && (add_rule(w[1], WAIT_QUEUE, "wq", a, b), true);
	if (!strcmp(w[0], "wait"))
		return n == 4 && parse_arg(w[3], &a) &&
		       (add_rule(w[1], WAIT_WAIT, w[2], a, -1), true);
	if (!strcmp(w[0], "store") && n == 4 && !strcmp(w[1], "struct")) {
		char field[256];

		snprintf(field, sizeof(field), "struct %s", w[2]);
		ptrtab_put(&stores, strtab_intern(field), (void *)strtab_intern(w[3]));
		return strstr(field, "::") != NULL;
	}
	return false;
}

static void parse_rule(char *line, const char *file, int nr)
{
	char *w[8];
	int n = 0;
	char *tok;

	for (tok = strtok(line, " \t\n"); tok && n < 8; tok = strtok(NULL, " \t\n"))
		w[n++] = tok;
	if (n && !parse_line(w, n))
		ls_fatal("%s:%d: not a wait rule (see the table's header)", file, nr);
}

void wait_rules_load(const char *dir)
{
	table_read(dir, "waits.tab", "wait rules", parse_rule);
}
