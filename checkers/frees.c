// SPDX-License-Identifier: MIT
/*
 * The free functions as data: rules/frees.tab, one function a line,
 *
 *   function  argN  [ref]
 *
 * "ref" marks a reference drop: not a free, but a drop after a free says
 * that the free was not the last reference.  '#' starts a comment.  The table is small (a dozen names), so a list
 * searched in order is enough.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/frees.h"
#include "lockscope/strbuf.h"
#include "lockscope/tables.h"

struct free_fn {
	char *name;
	int arg;
	bool ref;
};

static struct free_fn *fns;
static int nr_fns;

int frees_lookup(const char *name, bool *ref)
{
	int i;

	for (i = 0; i < nr_fns; i++) {
		if (!strcmp(fns[i].name, name)) {
			*ref = fns[i].ref;
			return fns[i].arg;
		}
	}
	return -1;
}

static void parse_line(char *line, const char *file, int nr)
{
	char *name, *arg, *kind, *end, *save = NULL;
	bool ref;
	long n;

	name = strtok_r(line, " \t\r\n", &save);
	if (!name)
		return;
	arg = strtok_r(NULL, " \t\r\n", &save);
	kind = strtok_r(NULL, " \t\r\n", &save);
	if (!arg || (kind && strcmp(kind, "ref")) || strtok_r(NULL, " \t\r\n", &save))
		ls_fatal("%s:%d: expected 'function argN [ref]'", file, nr);
	n = strncmp(arg, "arg", 3) ? -1 : strtol(arg + 3, &end, 10);
	if (n < 0 || n > 16 || end == arg + 3 || *end)
		ls_fatal("%s:%d: the freed argument must be argN, not '%s'",
			 file, nr, arg);
	if (frees_lookup(name, &ref) >= 0)
		ls_fatal("%s:%d: '%s' is listed twice", file, nr, name);
	fns = ls_xrealloc(fns, (nr_fns + 1) * sizeof(*fns));
	fns[nr_fns].name = ls_xstrdup(name);
	fns[nr_fns].arg = n;
	fns[nr_fns].ref = kind != NULL;
	nr_fns++;
}

void frees_load(const char *dir)
{
	table_read(dir, "frees.tab", "free rules", parse_line);
}
