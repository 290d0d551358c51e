/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_WHOLETREE_H
#define LOCKSCOPE_WHOLETREE_H

#include "lockscope/findings.h"
#include "lockscope/program.h"

/* The whole-tree checks, run by "lockscope report". */
void check_callback_under_lock(const struct program *prog);
void check_lock_order(const struct program *prog);
void check_teardown_race(const struct program *prog);
void check_rcu_nulls(const struct program *prog);
void check_rcu_walked_add(const struct program *prog);
void check_rcu_free_calls(const struct program *prog);
/* context.c, check_irq_inversion.c, check_sleep_atomic.c */
void check_irq_inversion(const struct program *prog);
void check_sleep_in_atomic(const struct program *prog);

/* Locks that can deadlock (not rcu, bh, irq: those nest by design). */
bool wholetree_lock_kind(const char *kind);
/* "caller() calls target()", with the field it goes through, at @cs. */
void wholetree_call_note(struct finding *f, const struct callsite *cs,
			 const struct func *target);
/* Notes for each hop of a summary entry's witness chain. */
void wholetree_chain_notes(struct finding *f, const struct func *fn,
			   const struct summary_entry *e);

/* The report subcommand. */
int report_main(int argc, char **argv);
int fix_main(int argc, char **argv);
/*
 * Load the facts in @dir and run every whole-tree check into findings,
 * lock-order on a second thread if @jobs > 1.
 */
void wholetree_run(struct program *prog, const char *dir, const char *rules,
		   int jobs, bool stats);

#endif
