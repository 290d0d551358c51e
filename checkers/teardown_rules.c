// SPDX-License-Identifier: MIT
/*
 * rules/teardown.tab, the data behind the teardown-race check: one rule
 * a line, "role name arguments".  See the table's header for the roles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/tables.h"
#include "lockscope/teardown.h"

static struct ptrtab calls;		/* interned name -> struct td_call list */
static struct td_entry *entries;
static int nentries;
static struct td_root *roots;
static int nroots;
static const char *guards[TD_MAX_GUARDS];
static int nguards;

const struct td_call *teardown_call(const char *name)
{
	return ptrtab_get(&calls, strtab_intern(name));
}

static bool field_matches(const char *pattern, const char *field)
{
	size_t n = strlen(pattern);

	if (n > 3 && !strcmp(pattern + n - 3, "::*"))
		return !strncmp(pattern, field, n - 1) && field[n - 1];
	return !strcmp(pattern, field);
}

const struct td_entry *teardown_entry(const char *field)
{
	int i;

	for (i = 0; i < nentries; i++)
		if (field_matches(entries[i].pattern, field))
			return &entries[i];
	return NULL;
}

const struct td_root *teardown_root(const char *field)
{
	int i;

	for (i = 0; i < nroots; i++)
		if (field_matches(roots[i].pattern, field))
			return &roots[i];
	return NULL;
}

const char *teardown_guard_name(int guard)
{
	return guard >= 0 && guard < nguards ? guards[guard] : "?";
}

static int guard_number(const char *name)
{
	int i;

	name = strtab_intern(name);
	for (i = 0; i < nguards; i++)
		if (guards[i] == name)
			return i;
	if (nguards == TD_MAX_GUARDS)
		return -1;
	guards[nguards] = name;
	return nguards++;
}

static struct td_call *add_call(const char *name, enum td_role role, int arg,
				long long value, const char *kind, int guard)
{
	struct td_call *c = ls_xcalloc(1, sizeof(*c));

	c->name = strtab_intern(name);
	c->role = role;
	c->arg = arg;
	c->value = value;
	c->kind = kind ? strtab_intern(kind) : NULL;
	c->guard = guard;
	c->next = ptrtab_get(&calls, c->name);
	ptrtab_put(&calls, c->name, c);
	return c;
}

static bool parse_arg(const char *s, int *arg)
{
	char *end;

	if (strncmp(s, "arg", 3))
		return false;
	*arg = strtol(s + 3, &end, 10);
	return end != s + 3 && !*end && *arg >= 0 && *arg < 16;
}

/* "role name rest..." split into words; false when the line is wrong. */
static bool parse_line(char **w, int n)
{
	int arg, g;

	if (!strcmp(w[0], "use")) {
		if (n != 3 || !parse_arg(w[2], &arg))
			return false;
		add_call(w[1], TD_USE, arg, 0, NULL, -1);
		return true;
	}
	if (!strcmp(w[0], "unpublish")) {
		if (n < 3 || n > 4 || (n == 4 && strcmp(w[3], "child")))
			return false;
		add_call(w[1], TD_UNPUBLISH, -1, 0, w[2], -1)->child = n == 4;
		return true;
	}
	if (!strcmp(w[0], "guard")) {
		long long value = 0;
		char *end;

		arg = -1;
		if (n == 4) {
			char *eq = strchr(w[3], '=');

			if (!eq || eq[1] != '#')
				return false;
			*eq = '\0';
			value = strtoll(eq + 2, &end, 0);
			if (!parse_arg(w[3], &arg) || end == eq + 2 || *end)
				return false;
		} else if (n != 3) {
			return false;
		}
		g = guard_number(w[1]);
		if (g < 0)
			return false;
		add_call(w[1], TD_GUARD_CHECK, -1, 0, NULL, g);
		add_call(w[2], TD_GUARD_SET, arg, value, NULL, g);
		return true;
	}
	if (!strcmp(w[0], "root")) {
		if (n < 2 || n > 3 || (n == 3 && strcmp(w[2], "quiesce")))
			return false;
		roots = ls_xrealloc(roots, (nroots + 1) * sizeof(*roots));
		roots[nroots].pattern = strtab_intern(w[1]);
		roots[nroots++].quiesce = n == 3;
		return true;
	}
	if (!strcmp(w[0], "entry")) {
		struct td_entry *e;

		if (n < 3 || n > 4)
			return false;
		entries = ls_xrealloc(entries, (nentries + 1) * sizeof(*entries));
		e = &entries[nentries++];
		e->pattern = strtab_intern(w[1]);
		e->kind = strtab_intern(w[2]);
		e->guard = -1;
		if (n == 4) {
			if (strncmp(w[3], "guard=", 6))
				return false;
			e->guard = guard_number(w[3] + 6);
		}
		return true;
	}
	return false;
}

/* Fields are "struct T::m": glue "struct" to the next word. */
static int split_words(char *line, char **w, int max)
{
	int n = 0;
	char *tok;

	for (tok = strtok(line, " \t\n"); tok && n < max; tok = strtok(NULL, " \t\n")) {
		if (n && !strcmp(w[n - 1], "struct") && w[n - 1] + 7 == tok) {
			w[n - 1][6] = ' ';
			continue;
		}
		w[n++] = tok;
	}
	return n;
}

static void parse_rule(char *line, const char *file, int nr)
{
	char *w[8];
	int n = split_words(line, w, 8);

	if (n && !parse_line(w, n))
		ls_fatal("%s:%d: not a teardown rule (see the table's header)", file, nr);
}

void teardown_rules_load(const char *dir)
{
	table_read(dir, "teardown.tab", "teardown rules", parse_rule);
}
