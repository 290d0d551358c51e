// SPDX-License-Identifier: MIT
/*
 * The kernel lock API as data: rules/locks.tab, one function a line.
 *
 *   function  kind  op  mode  lock  [attribute ...]
 *
 * kind:  spin rwlock mutex rwsem sem sock rcu srcu bh irq preempt
 * op:    acquire release try try0 downgrade   (try0: acquired when 0)
 * mode:  excl shared
 * lock:  argN, argN.member, or =name for a lock the function implies
 * attributes: atomic bh-off bh-on irq-off sleeps sub=argN
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lockscope/diag.h"
#include "lockscope/rules.h"
#include "lockscope/strbuf.h"
#include "lockscope/tables.h"

const struct lock_kind_info lock_kinds[LK_NR] = {
	[LK_SPIN]	= { "spin",    false, false },
	[LK_RWLOCK]	= { "rwlock",  false, true },
	[LK_MUTEX]	= { "mutex",   false, false },
	[LK_RWSEM]	= { "rwsem",   false, true },
	[LK_SEM]	= { "sem",     false, false },
	[LK_SOCK]	= { "sock",    false, false },
	[LK_RCU]	= { "rcu",     true,  false },
	[LK_SRCU]	= { "srcu",    true,  false },
	[LK_BH]		= { "bh",      true,  false },
	[LK_IRQ]	= { "irq",     true,  false },
	[LK_PREEMPT]	= { "preempt", true,  false },
	[LK_CONTEXT]	= { "context", false, false },
	[LK_IRQLINE]	= { "irqline", true,  false },
};

static const char *const op_names[] = {
	[LOP_ACQUIRE] = "acquire", [LOP_RELEASE] = "release", [LOP_TRY] = "try",
	[LOP_TRY_ZERO] = "try0", [LOP_DOWNGRADE] = "downgrade",
};

#define TABLE_BITS 10
#define TABLE_SIZE (1u << TABLE_BITS)

static struct lock_api *table[TABLE_SIZE];
static int nr_entries;

const struct lock_api *rules_lookup(const char *name)
{
	unsigned int i = table_hash(name) & (TABLE_SIZE - 1);

	while (table[i]) {
		if (!strcmp(table[i]->name, name))
			return table[i];
		i = (i + 1) & (TABLE_SIZE - 1);
	}
	return NULL;
}

static void insert(struct lock_api *api, const char *file, int line)
{
	unsigned int i = table_hash(api->name) & (TABLE_SIZE - 1);

	if (nr_entries >= (int)TABLE_SIZE / 2)
		ls_fatal("%s:%d: too many entries", file, line);
	while (table[i]) {
		if (!strcmp(table[i]->name, api->name))
			ls_fatal("%s:%d: '%s' is listed twice", file, line, api->name);
		i = (i + 1) & (TABLE_SIZE - 1);
	}
	table[i] = api;
	nr_entries++;
}

static int lookup_word(const char *word, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (names[i] && !strcmp(word, names[i]))
			return i;
	return -1;
}

static int parse_arg(const char *s, const char **rest)
{
	char *end;
	long n;

	if (strncmp(s, "arg", 3))
		return -1;
	n = strtol(s + 3, &end, 10);
	if (end == s + 3 || n < 0 || n > 16)
		return -1;
	*rest = end;
	return n;
}

static void parse_line(char *line, const char *file, int nr)
{
	char *words[16], *save = NULL, *w;
	const char *kinds[LK_NR], *rest;
	struct lock_api *api;
	int n = 0, i, v;

	for (w = strtok_r(line, " \t\r\n", &save); w && n < 16;
	     w = strtok_r(NULL, " \t\r\n", &save))
		words[n++] = w;
	if (!n)
		return;
	if (n < 5)
		ls_fatal("%s:%d: expected 'function kind op mode lock', got %d fields",
			 file, nr, n);

	api = ls_xcalloc(1, sizeof(*api));
	api->name = ls_xstrdup(words[0]);
	api->subclass_arg = -1;

	for (i = 0; i < LK_NR; i++)
		kinds[i] = lock_kinds[i].name;
	v = lookup_word(words[1], kinds, LK_NR);
	if (v < 0)
		ls_fatal("%s:%d: unknown lock kind '%s'", file, nr, words[1]);
	api->kind = v;

	v = lookup_word(words[2], op_names, sizeof(op_names) / sizeof(op_names[0]));
	if (v < 0)
		ls_fatal("%s:%d: unknown operation '%s'", file, nr, words[2]);
	api->op = v;

	if (!strcmp(words[3], "excl"))
		api->mode = LM_EXCL;
	else if (!strcmp(words[3], "shared"))
		api->mode = LM_SHARED;
	else
		ls_fatal("%s:%d: mode must be excl or shared, not '%s'", file, nr, words[3]);

	if (words[4][0] == '=' && words[4][1]) {
		api->arg = -1;
		api->fixed = ls_xstrdup(words[4] + 1);
	} else {
		api->arg = parse_arg(words[4], &rest);
		if (api->arg < 0 || (*rest && *rest != '.'))
			ls_fatal("%s:%d: lock must be argN, argN.member or =name, not '%s'",
				 file, nr, words[4]);
		if (*rest == '.')
			api->member = ls_xstrdup(rest + 1);
	}

	for (i = 5; i < n; i++) {
		if (!strcmp(words[i], "atomic"))
			api->context |= CTX_ATOMIC;
		else if (!strcmp(words[i], "bh-off"))
			api->context |= CTX_BH_OFF;
		else if (!strcmp(words[i], "bh-on"))
			api->context |= CTX_BH_ON;
		else if (!strcmp(words[i], "irq-off"))
			api->context |= CTX_IRQ_OFF;
		else if (!strcmp(words[i], "irq-on"))
			api->context |= CTX_IRQ_ON;
		else if (!strcmp(words[i], "sleeps"))
			api->context |= CTX_SLEEPS;
		else if (!strncmp(words[i], "sub=", 4) &&
			 (api->subclass_arg = parse_arg(words[i] + 4, &rest)) >= 0 && !*rest)
			;
		else
			ls_fatal("%s:%d: unknown attribute '%s'", file, nr, words[i]);
	}
	insert(api, file, nr);
}

void rules_load(const char *dir)
{
	table_read(dir, "locks.tab", "lock rules", parse_line);
	if (!nr_entries)
		ls_fatal("%s/locks.tab: no lock functions listed", dir);
}

static bool has_table(const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	bool ok;

	sb_addf(&path, "%s/locks.tab", dir);
	ok = access(sb_str(&path), R_OK) == 0;
	sb_release(&path);
	return ok;
}

/* Try @suffix relative to the directory of the running binary. */
static const char *beside_binary(const char *suffix)
{
	static char path[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", path, sizeof(path) - 1);
	char *slash;

	if (len <= 0)
		return NULL;
	path[len] = '\0';
	slash = strrchr(path, '/');
	if (!slash || (size_t)(slash - path) + 1 + strlen(suffix) >= sizeof(path))
		return NULL;
	strcpy(slash + 1, suffix);
	return has_table(path) ? path : NULL;
}

/*
 * --rules=DIR wins, then $LOCKSCOPE_RULES, then the rules of a build tree
 * (rules/ beside the binary, or one level up for build/lockscope-san),
 * then an installed tree (PREFIX/bin/../share/lockscope/rules, whatever
 * PREFIX was), then the data directory compiled in.
 */
const char *rules_dir(const char *option)
{
	static const char *const tries[] = {
		"rules", "../rules", "../share/lockscope/rules", NULL,
	};
	const char *env = getenv("LOCKSCOPE_RULES");
	const char *dir;
	int i;

	if (option)
		return option;
	if (env && *env)
		return env;
	for (i = 0; tries[i]; i++)
		if ((dir = beside_binary(tries[i])))
			return dir;
	return LOCKSCOPE_DATADIR "/rules";
}
