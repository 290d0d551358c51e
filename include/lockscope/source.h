/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_SOURCE_H
#define LOCKSCOPE_SOURCE_H

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
