/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_SOURCE_H
#define LOCKSCOPE_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include "lib.h"

/*
 * sparse puts a call's position on its '('; diagnostics want the callee's
 * name, as written (spin_lock, not the _raw_spin_lock it expands to).
 * Moves @pos back to the start of that name and copies it into @name;
 * leaves both alone when the source cannot be read.
 */
void source_call_name(struct position *pos, char *name, size_t size);

#endif

/*
 * The member path written at @pos ("priv->stats.tx"), for naming what a
 * load or a store goes through.  False when there is none, or when it is a
 * call (an inlined function's body takes its call's position).
 */
bool source_access_path(struct position pos, char *buf, size_t size);

/*
 * Argument @nr (0-based) of the call whose name or '(' is at @pos, as
 * written, white space collapsed.  False when it cannot be told for sure.
 */
bool source_call_arg(struct position pos, int nr, char *buf, size_t size);
