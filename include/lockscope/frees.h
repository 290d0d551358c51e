/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_FREES_H
#define LOCKSCOPE_FREES_H

/*
 * The functions that free memory, from rules/frees.tab: a function name
 * and the argument whose object is gone after the call.
 */
void frees_load(const char *dir);
/* The argument @name frees (0-based), or -1 when it frees nothing. */
int frees_lookup(const char *name);

#endif
