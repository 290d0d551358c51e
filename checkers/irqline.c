// SPDX-License-Identifier: MIT
/*
 * Helpers that mask or unmask a device's interrupt lines, learnt from
 * the functions of the checked file as they are analysed (a static
 * helper comes before its callers).
 */
#include "lockscope/irqline.h"
#include "lockscope/ptrtab.h"

static struct ptrtab helpers;		/* struct symbol -> enum lock_op + 1 */

static int irqline_slot(const struct fn_ctx *fn)
{
	int i;

	for (i = 0; i < fn->nlocks; i++)
		if (fn->locks[i].kind == LK_IRQLINE)
			return i;
	return -1;
}

void irqline_learn(const struct fn_ctx *fn, const struct return_edge *edges, int n)
{
	int slot = irqline_slot(fn), i;
	bool held = true, released = true;

	if (slot < 0 || !fn->fn || !n)
		return;
	for (i = 0; i < n; i++) {
		unsigned char mask = edges[i].state->s[slot].mask;

		held &= mask == LS_HELD;
		released &= mask == LS_RELEASED;
	}
	if (held)
		ptrtab_put(&helpers, fn->fn, (void *)(long)(LOP_ACQUIRE + 1));
	else if (released)
		ptrtab_put(&helpers, fn->fn, (void *)(long)(LOP_RELEASE + 1));
}

int irqline_helper_op(const struct symbol *callee)
{
	return callee ? (int)(long)ptrtab_get(&helpers, callee) - 1 : -1;
}
