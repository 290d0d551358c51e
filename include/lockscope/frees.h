/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_FREES_H
#define LOCKSCOPE_FREES_H

#include <stdbool.h>

/*
 * The functions that free memory, from rules/frees.tab: a function name
 * and the argument whose object is gone after the call; and reference
 * drops, which free nothing for sure but show that an object is alive.
 */
void frees_load(const char *dir);
/*
 * The argument @name frees or drops (0-based), or -1 when it is neither;
 * @ref tells a reference drop.
 */
int frees_lookup(const char *name, bool *ref);

#endif
