/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_GUARDS_H
#define LOCKSCOPE_GUARDS_H

#include <stdbool.h>
#include "linearize.h"

/*
 * What a block knows about the function's parameters from the branches
 * that lead to it: "switch (event) { case RTM_NEWADDR: ... }" makes the
 * case's blocks run only for event == RTM_NEWADDR.  The whole-tree step
 * uses this to drop call edges a constant argument cannot take.
 */
#define GUARD_MAX_VALUES 8
#define GUARD_MAX_PARAMS 8

enum guard_op {
	G_ANY,		/* nothing known */
	G_IN,		/* the parameter is one of vals */
	G_NOTIN,	/* the parameter is none of vals */
	G_NEVER,	/* no path: the block is unreachable for all values */
};

struct param_guard {
	enum guard_op op;
	int n;
	long long vals[GUARD_MAX_VALUES];
};

/*
 * Flag tests ("if (flags & MSG_ZEROCOPY)"): bits of a parameter known set
 * (single-bit tests only) or clear on every path to the block.
 */
#define GUARD_MAX_BIT_PARAMS 16

struct guard {
	struct param_guard p[GUARD_MAX_PARAMS];
	unsigned long long bits_set[GUARD_MAX_BIT_PARAMS];
	unsigned long long bits_clear[GUARD_MAX_BIT_PARAMS];
	long long bits_reached;	/* a path got here (a long: no padding to compare) */
};

/* Compute the guard of every block of @ep (kept until the next call). */
void guards_solve(struct entrypoint *ep);
/* The guard of @bb, or NULL when nothing is known. */
const struct guard *guards_of(struct basic_block *bb);

/* What is known on either of two paths: @a becomes the join. */
void guard_join(struct param_guard *a, const struct param_guard *b);
/* What is known on a path that passed both: @a becomes the meet. */
void guard_meet(struct param_guard *a, const struct param_guard *b);
/* May the parameter be @v? */
bool guard_allows(const struct param_guard *g, long long v);

#endif
