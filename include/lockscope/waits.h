/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_WAITS_H
#define LOCKSCOPE_WAITS_H

#include <stdbool.h>

/*
 * Waits for callbacks (rules/waits.tab).  Per file: which calls bind a
 * callback to an object, which wait for an object's callbacks.  Whole
 * tree: each wait becomes an acquisition of the object's pseudo lock,
 * and each callback runs holding it.
 */
enum wait_role { WAIT_BIND, WAIT_QUEUE, WAIT_WAIT, WAIT_ATTACH };

struct wait_rule {
	enum wait_role role;
	const char *kind;		/* interned: timer, work, irq, ... */
	int object;			/* argument, -1: none */
	int callback;			/* BIND: the function; QUEUE: the work;
					   ATTACH: the sysfs attribute or group */
	const struct wait_rule *next;
};

/* Load rules/waits.tab from @dir; a bad line is fatal, with its number. */
void wait_rules_load(const char *dir);
/* The rules of function @name, or NULL. */
const struct wait_rule *wait_rule(const char *name);
/* The kind a store of a function into @field binds ("work"), or NULL. */
const char *wait_store_kind(const char *field);

struct fn_ctx;
struct instruction;
struct symbol;
struct expression;
/* The per-file records (Y after a wait's C record, Z bindings, Q). */
void wait_call_facts(struct fn_ctx *fn, struct instruction *insn);
void wait_store_facts(struct fn_ctx *fn, struct instruction *insn,
		      const char *field, struct symbol *callback);
void wait_initializer_facts(struct symbol *sym, const char *var);

struct program;
struct call_rare;
struct func;
/* Reading the records back (facts_records.c). */
bool wait_parse_Y(struct call_rare *rare, char **f, int n);
bool wait_parse_Z(struct func *fn, char **f, int n);
void wait_discard(struct func *fn);
/* Q records are bindings of this field: container -> member objects. */
#define WAIT_CONTAINS "sysfs-contains"
/* Once the call graph is built, before the summaries. */
void waits_model(struct program *prog);
/* The pseudo lock kind, and whether a held lock is one. */
#define WAIT_LOCK_KIND "wait"
bool wait_is_pseudo(const char *kind);
/* A made-up caller that runs a callback holding its pseudo lock? */
bool wait_holder(const struct func *fn);
/* For a workqueue's made-up caller: the work it runs, else NULL. */
const char *wait_holder_work(const struct func *holder);
/* The made-up callers of pseudo lock @klass, and its kind. */
const struct func *const *wait_holders(const char *klass, int *n, const char **kind);
void check_wait_under_lock(const struct program *prog);
/* How far below a call a wait, and below a callback a lock, is followed. */
#define WAIT_NEAR_HOPS 3
#define WAIT_CALLBACK_HOPS 6

#endif
