/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_RESOURCES_H
#define LOCKSCOPE_RESOURCES_H

#include <stdbool.h>
#include "linearize.h"

/*
 * Resources, for the teardown-race check: what a pointer loaded from a
 * struct member points to, named by that member the way lock classes are
 * ("struct mlx5_cmd::pool"), so that a free in the teardown path and a use
 * in a callback, in different files, name the same thing.
 */

/* The resource pointer @p holds, if it was loaded from a member. */
bool resource_class(struct entrypoint *ep, pseudo_t p, char *buf, int size);

/* Calls @fn once per load or store through a resource pointer. */
void resource_derefs(struct entrypoint *ep,
		     void (*fn)(struct instruction *insn, const char *klass, void *data),
		     void *data);

/*
 * The object @p points into: casts and constant offsets are followed
 * (&p->member, container_of()), anything else is an object of its own.
 */
pseudo_t pointer_object(pseudo_t p);

#endif
