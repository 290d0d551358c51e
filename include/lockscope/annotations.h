/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_ANNOTATIONS_H
#define LOCKSCOPE_ANNOTATIONS_H

#include <stdbool.h>
#include "linearize.h"
#include "lockscope/lockid.h"

enum annotation {
	ANN_NONE,
	ANN_ACQUIRES,		/* context(x, 0, 1) */
	ANN_RELEASES,		/* context(x, 1, 0) */
	ANN_MUST_HOLD,		/* context(x, 1, 1) */
	ANN_COND,		/* __cond_acquires: context(x, 0, -1) */
};

enum annotation annotation_kind(const struct context *ctx);

/*
 * Name the lock that annotation expression @expr of @callee denotes when
 * @callee is called with @args (pseudos in @ep).  False if it cannot.
 */
bool annotation_lock(struct entrypoint *ep, struct symbol *callee,
		     struct expression *expr, struct pseudo_list *args,
		     struct lock_ref *out);

#endif
