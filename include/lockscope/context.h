/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_CONTEXT_H
#define LOCKSCOPE_CONTEXT_H

#include <stdbool.h>
#include "lockscope/findings.h"
#include "lockscope/program.h"

/*
 * Execution contexts, for the whole-tree step: which functions run in
 * hard-IRQ or softirq context (reached from a callback that
 * rules/context.tab names), and which are only ever called with hard
 * irqs (softirqs) disabled.
 */
enum exec_ctx {
	EC_HARDIRQ,
	EC_SOFTIRQ,
	EC_ATOMIC,
	EC_BH_OFF,
	EC_IRQ_OFF,
	EC_NR
};

/* rules/context.tab and rules/sleeps.tab. */
void context_rules_load(const char *dir);
/* The context a callback bound to @field runs in, or -1. */
int context_of_field(const char *field);
const char *context_name(int ctx);
/* For messages: "hard-irq", "softirq", ... */
const char *context_words(int ctx);
/* rules/sleeps.tab: -2 not listed, -1 always sleeps, N: when argument N allows reclaim. */
int sleeps_lookup(const char *name);
/* The rule's argument is a non-blocking flag: the call sleeps when it is 0. */
bool sleeps_nonblock_arg(const char *name);
/* The same for a name strtab_intern() returned. */
int sleeps_lookup_interned(const char *name);
bool sleeps_nonblock_interned(const char *name);
/* Does the GFP mask written "#value" allow direct reclaim? */
bool gfp_may_sleep(long long mask);

/* Compute the contexts; call after callgraph_build(). */
void contexts_build(const struct program *prog);
/* @fn's place in prog->funcs, for arrays by function. */
int context_func_index(const struct func *fn);
/* Is @fn reached in @ctx (the entry itself, or down calls)? */
bool context_reached(const struct func *fn, int ctx);
/* The entry point @fn is bound as, or -1. */
int context_entry(const struct func *fn);
/* Are hard irqs (softirqs) off whenever @fn runs: its context or its callers'? */
bool context_irqs_off(const struct func *fn);
bool context_bh_off(const struct func *fn);
/* ... or is at least an interrupt line masked (disable_irq())? */
bool context_line_off(const struct func *fn);
/*
 * The first call, in the program's order, into @fn made with the
 * interrupt of @ctx (EC_HARDIRQ or EC_SOFTIRQ) enabled, or NULL.
 */
const struct callsite *context_enabled_caller(const struct func *fn, int ctx);
/* Notes: the entry of @ctx and each call down to @fn. */
void context_chain_notes(struct finding *f, const struct func *fn, int ctx);
/* Does a held list say hard irqs (softirqs) are off? */
bool held_irqs_off(const struct held_lock *h, int n);
bool held_bh_off(const struct held_lock *h, int n);
bool held_line_off(const struct held_lock *h, int n);

#endif
