/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_IRQLINE_H
#define LOCKSCOPE_IRQLINE_H

#include "lockscope/lockset.h"

/*
 * Drivers mask their interrupt lines through a helper of their own
 * (nv_disable_irq() masks one line or three): a function of the checked
 * file that leaves every way out with a line masked (unmasked) that it
 * did not find so is a disable_irq() (enable_irq()) to its callers.
 */
/* Learn from @fn's exits; call once it has been analysed. */
void irqline_learn(const struct fn_ctx *fn, const struct return_edge *edges, int n);
/* LOP_ACQUIRE or LOP_RELEASE for a call of such a helper, else -1. */
int irqline_helper_op(const struct symbol *callee);

#endif
