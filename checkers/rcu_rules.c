// SPDX-License-Identifier: MIT
/*
 * The RCU list and lifetime API as data: rules/rcu.tab, one function a
 * line (see the table's header).  Calls of the static inlines listed there
 * are kept as calls by inlines.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/rcu.h"
#include "lockscope/strbuf.h"
#include "lockscope/tables.h"
#include "lockscope/irtypes.h"

const char *const rcu_op_names[RCU_NR_OPS] = {
	[RCU_ADD_RCU] = "add-rcu", [RCU_ADD] = "add", [RCU_DEL_RCU] = "del-rcu",
	[RCU_DEL] = "del", [RCU_FREE_RCU] = "free-rcu", [RCU_FREE] = "free",
	[RCU_SYNC] = "sync",
};

const char *const rcu_link_names[RL_NR] = {
	[RL_NONE] = "-", [RL_HLIST] = "hlist", [RL_NULLS] = "nulls",
	[RL_LIST] = "list",
};

#define TABLE_SIZE 256

static struct rcu_api *table[TABLE_SIZE];
static int nr_entries;

const struct rcu_api *rcu_rules_lookup(const char *name)
{
	unsigned int i = table_hash(name) & (TABLE_SIZE - 1);

	while (table[i]) {
		if (!strcmp(table[i]->name, name))
			return table[i];
		i = (i + 1) & (TABLE_SIZE - 1);
	}
	return NULL;
}

const struct rcu_api *rcu_call_api(struct instruction *insn)
{
	pseudo_t fn = insn->func;

	if (insn->opcode != OP_CALL || !fn || fn->type != PSEUDO_SYM ||
	    !fn->sym->ident)
		return NULL;
	return rcu_rules_lookup(show_ident(fn->sym->ident));
}

static int word(const char *w, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(w, names[i]))
			return i;
	return -1;
}

/* "argN" or "-" (-1); anything else is -2. */
static int arg(const char *w)
{
	char *end;
	long n;

	if (!strcmp(w, "-"))
		return -1;
	if (strncmp(w, "arg", 3))
		return -2;
	n = strtol(w + 3, &end, 10);
	return end == w + 3 || *end || n > 16 ? -2 : (int)n;
}

static void parse_line(char *line, const char *file, int nr)
{
	char *w[8], *save = NULL, *t;
	struct rcu_api *api;
	unsigned int i;
	int n = 0;

	for (t = strtok_r(line, " \t\r\n", &save); t && n < 8;
	     t = strtok_r(NULL, " \t\r\n", &save))
		w[n++] = t;
	if (!n)
		return;
	if (n != 5)
		ls_fatal("%s:%d: expected 'function op link object head'", file, nr);
	api = ls_xcalloc(1, sizeof(*api));
	api->name = ls_xstrdup(w[0]);
	if ((n = word(w[1], rcu_op_names, RCU_NR_OPS)) < 0)
		ls_fatal("%s:%d: unknown operation '%s'", file, nr, w[1]);
	api->op = n;
	if ((n = word(w[2], rcu_link_names, RL_NR)) < 0)
		ls_fatal("%s:%d: unknown link '%s'", file, nr, w[2]);
	api->link = n;
	api->obj = arg(w[3]);
	api->head = arg(w[4]);
	if (api->obj < -1 || api->head < -1)
		ls_fatal("%s:%d: arguments are argN or -", file, nr);
	if (nr_entries >= TABLE_SIZE / 2)
		ls_fatal("%s:%d: too many entries", file, nr);
	for (i = table_hash(api->name) & (TABLE_SIZE - 1); table[i];
	     i = (i + 1) & (TABLE_SIZE - 1))
		if (!strcmp(table[i]->name, api->name))
			ls_fatal("%s:%d: '%s' is listed twice", file, nr, api->name);
	table[i] = api;
	nr_entries++;
}

void rcu_rules_load(const char *dir)
{
	table_read(dir, "rcu.tab", "RCU rules", parse_line);
}

bool rcu_is_rcu_pointer(struct symbol *type)
{
	type = ir_strip_node(type);
	return type && type->type == SYM_PTR && type->ctype.as &&
	       type->ctype.as->len == 5 && !strcmp(show_ident(type->ctype.as), "__rcu");
}

enum rcu_link rcu_pointer_link(struct symbol *type)
{
	struct symbol *to;
	const char *name;

	if (!rcu_is_rcu_pointer(type))
		return RL_NONE;
	to = ir_strip_node(ir_strip_node(type)->ctype.base_type);
	if (!to || to->type != SYM_STRUCT || !to->ident)
		return RL_NONE;
	name = show_ident(to->ident);
	if (!strcmp(name, "hlist_node"))
		return RL_HLIST;
	if (!strcmp(name, "hlist_nulls_node"))
		return RL_NULLS;
	if (!strcmp(name, "list_head"))
		return RL_LIST;
	return RL_NONE;
}
