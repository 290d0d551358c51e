/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_MARKED_TARGETS_H
#define LOCKSCOPE_MARKED_TARGETS_H

#include <stdbool.h>
#include "lockscope/program.h"

/*
 * The marked targets of a call, in the call's order, without going
 * through the others: a walk that cares only about the few functions
 * found so far (sleep-in-atomic: those that may sleep) would otherwise
 * go through a field's thousands of targets at every call through it.
 * Functions are numbered as contexts number them: contexts_build() first.
 */
void marked_targets_init(const struct program *prog);
void marked_targets_free(void);
void marked_targets_mark(const struct func *fn);
bool marked_targets_is(const struct func *fn);

struct marked_iter {
	const struct callsite *cs;
	const struct marked_list *list;	/* NULL: a call with one target */
	int pos;
};

void marked_iter_begin(struct marked_iter *it, const struct callsite *cs);
/* The position in cs->targets of the next marked target, or -1. */
int marked_iter_next(struct marked_iter *it);

#endif
