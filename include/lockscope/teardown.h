/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_TEARDOWN_H
#define LOCKSCOPE_TEARDOWN_H

#include <stdbool.h>

/*
 * rules/teardown.tab: uses, teardown roots, entry points, how
 * entry points are unpublished and which checks guard them.
 */
enum td_role {
	TD_USE,
	TD_UNPUBLISH,
	TD_GUARD_CHECK,
	TD_GUARD_SET,
};

#define TD_MAX_GUARDS 32

/* One role of a function; a function may have several (a list). */
struct td_call {
	const char *name;		/* interned */
	enum td_role role;
	int arg;			/* USE; GUARD_SET: -1 or the tested arg */
	long long value;		/* GUARD_SET: the value arg must have */
	const char *kind;		/* UNPUBLISH */
	bool child;			/* UNPUBLISH by unbinding a child device */
	int guard;			/* GUARD_CHECK, GUARD_SET */
	const struct td_call *next;
};

struct td_entry {
	const char *pattern;		/* "struct T::member" or "struct T::*" */
	const char *kind;
	int guard;			/* checked by the caller first, or -1 */
};

/* Load rules/teardown.tab from @dir; a bad line is fatal, with its number. */
void teardown_rules_load(const char *dir);
/* The roles of function @name, or NULL. */
const struct td_call *teardown_call(const char *name);
/* The entry point kind of functions bound to @field, or NULL. */
const struct td_entry *teardown_entry(const char *field);
struct td_root {
	const char *pattern;
	bool quiesce;			/* stops the device, unbinds nothing */
};

/* The teardown root rule for functions bound to @field, or NULL. */
const struct td_root *teardown_root(const char *field);
/* --stats: entries the teardown-race walks kept. */
unsigned int teardown_walk_entries(void);
/* The guard check function of guard number @guard. */
const char *teardown_guard_name(int guard);

#endif
