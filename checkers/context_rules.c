// SPDX-License-Identifier: MIT
/*
 * rules/context.tab (which callbacks run in interrupt context) and
 * rules/sleeps.tab (which calls may sleep, and on which GFP argument).
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
static struct ptrtab sleepers;		/* name -> gfp argument + 2 */

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
	return (int)(long)ptrtab_get(&sleepers, strtab_intern(name)) - 2;
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

/* "msleep" or "kmalloc gfp=arg1" */
static void parse_sleeper(char *line, const char *file, int nr)
{
	char *name = strtok(line, " \t\n"), *opt = strtok(NULL, " \t\n");
	char *end;
	long arg = -1;

	if (!name)
		return;
	if (opt) {
		if (strncmp(opt, "gfp=arg", 7) || !opt[7])
			ls_fatal("%s:%d: expected 'function [gfp=argN]'", file, nr);
		arg = strtol(opt + 7, &end, 10);
		if (*end || arg < 0 || arg > 16 || strtok(NULL, " \t\n"))
			ls_fatal("%s:%d: expected 'function [gfp=argN]'", file, nr);
	}
	ptrtab_put(&sleepers, strtab_intern(name), (void *)(arg + 2));
}

void context_rules_load(const char *dir)
{
	table_read(dir, "context.tab", "context rules", parse_context);
	table_read(dir, "sleeps.tab", "sleep rules", parse_sleeper);
}
