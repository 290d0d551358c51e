// SPDX-License-Identifier: MIT
/*
 * rules/context.tab (which callbacks run in interrupt context) and
 * rules/sleeps.tab (which calls may sleep, and on which GFP or non-blocking
 * argument).
 */
#include <stdlib.h>
#include <string.h>

#include "lockscope/context.h"
#include "lockscope/diag.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/tables.h"

/* __GFP_DIRECT_RECLAIM in 6.1's gfp_types.h */
#define GFP_DIRECT_RECLAIM 0x400

static const char *const names[EC_NR] = {
	"hardirq", "softirq", "atomic", "bh-off", "irq-off"
};
static struct ptrtab field_ctx;		/* field -> context + 1 */
static struct ptrtab sleepers;		/* name -> argument + 2, | NONBLOCK_RULE */

/* "sock_alloc_send_pskb nonblock=arg3": the argument is a flag, not a mask */
#define NONBLOCK_RULE 0x100

const char *context_name(int ctx)
{
	return ctx >= 0 && ctx < EC_NR ? names[ctx] : "?";
}

const char *context_words(int ctx)
{
	static const char *const words[EC_NR] = {
		"hard-irq", "softirq", "atomic", "softirqs-off", "irqs-off"
	};

	return ctx >= 0 && ctx < EC_NR ? words[ctx] : "?";
}

int context_of_field(const char *field)
{
	return (int)(long)ptrtab_get(&field_ctx, strtab_intern(field)) - 1;
}

int sleeps_lookup(const char *name)
{
	long v = (long)ptrtab_get(&sleepers, strtab_intern(name));

	return (int)(v & ~NONBLOCK_RULE) - 2;
}

bool sleeps_nonblock_arg(const char *name)
{
	return (long)ptrtab_get(&sleepers, strtab_intern(name)) & NONBLOCK_RULE;
}

/* A call's callee is interned already (facts_records.c): no hashing of it. */
int sleeps_lookup_interned(const char *name)
{
	long v = (long)ptrtab_get(&sleepers, name);

	return (int)(v & ~NONBLOCK_RULE) - 2;
}

bool sleeps_nonblock_interned(const char *name)
{
	return (long)ptrtab_get(&sleepers, name) & NONBLOCK_RULE;
}

bool gfp_may_sleep(long long mask)
{
	return mask & GFP_DIRECT_RECLAIM;
}

/* "hardirq   struct irqaction::handler" */
static void parse_context(char *line, const char *file, int nr)
{
	char *ctx = strtok(line, " \t\n"), *field = strtok(NULL, "\n");
	int i;

	if (!ctx)
		return;
	while (field && (*field == ' ' || *field == '\t'))
		field++;
	for (i = 0; i < EC_NR; i++)
		if (!strcmp(ctx, names[i]))
			break;
	if (i == EC_NR || !field || !strstr(field, "::"))
		ls_fatal("%s:%d: expected 'hardirq|softirq|atomic|bh-off|irq-off struct T::field'", file, nr);
	while (field[strlen(field) - 1] == ' ' || field[strlen(field) - 1] == '\t')
		field[strlen(field) - 1] = '\0';
	ptrtab_put(&field_ctx, strtab_intern(field), (void *)(long)(i + 1));
}

/* "msleep", "kmalloc gfp=arg1" or "sock_alloc_send_pskb nonblock=arg3" */
static void parse_sleeper(char *line, const char *file, int nr)
{
	char *name = strtok(line, " \t\n"), *opt = strtok(NULL, " \t\n");
	char *end, *num = NULL;
	long arg = -1, kind = 0;

	if (!name)
		return;
	if (opt && !strncmp(opt, "gfp=arg", 7)) {
		num = opt + 7;
	} else if (opt && !strncmp(opt, "nonblock=arg", 12)) {
		num = opt + 12;
		kind = NONBLOCK_RULE;
	} else if (opt) {
		ls_fatal("%s:%d: expected 'function [gfp=argN|nonblock=argN]'", file, nr);
	}
	if (num) {
		arg = strtol(num, &end, 10);
		if (end == num || *end || arg < 0 || arg > 16 || strtok(NULL, " \t\n"))
			ls_fatal("%s:%d: expected 'function [gfp=argN|nonblock=argN]'", file, nr);
	}
	ptrtab_put(&sleepers, strtab_intern(name), (void *)((arg + 2) | kind));
}

void context_rules_load(const char *dir)
{
	table_read(dir, "context.tab", "context rules", parse_context);
	table_read(dir, "sleeps.tab", "sleep rules", parse_sleeper);
}
