/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_INLINES_H
#define LOCKSCOPE_INLINES_H

#include "symbol.h"

/*
 * Before @fn is linearized: calls of inline functions the lock table lists
 * become calls again, and other inlined bodies take their call's position.
 */
void inlines_prepare(struct symbol *fn);

#endif
