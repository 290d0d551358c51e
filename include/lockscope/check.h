/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_CHECK_H
#define LOCKSCOPE_CHECK_H

#include "lockscope/lockset.h"

/*
 * A check is a set of hooks the lockset engine calls while it replays a
 * function with its final dataflow facts.  Each check lives in its own
 * checkers/check_*.c and registers itself from check_register_all().
 */
struct check {
	const char *name;
	/* a function starts (before any other hook for it) */
	void (*function)(struct fn_ctx *fn);
	/* a call that is not a lock API call; @before is the state at it */
	void (*call)(struct fn_ctx *fn, struct instruction *insn,
		     const struct lockset *before);
	/* about to acquire; @before is the state just before the call */
	void (*acquire)(struct fn_ctx *fn, const struct lock_event *ev,
			const struct lockset *before);
	void (*release)(struct fn_ctx *fn, const struct lock_event *ev,
			const struct lockset *before);
	/* the function's exits, once per function */
	void (*exits)(struct fn_ctx *fn, const struct return_edge *edges, int n);
};

void check_register(const struct check *check);
void check_register_all(void);
/* Disable a check by name (--disable=name); false if there is none. */
bool check_disable(const char *name);

extern const struct check **checks;
extern int nr_checks;

void register_double_lock(void);
void register_double_unlock(void);
void register_inconsistent_return(void);
void register_use_after_free(void);
void register_facts(void);

#endif
