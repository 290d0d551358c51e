/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_FIX_H
#define LOCKSCOPE_FIX_H

#include <stdbool.h>
#include <stdio.h>
#include "lockscope/findings.h"
#include "lockscope/program.h"
#include "lockscope/strbuf.h"

/*
 * Run @argv (argv[0] looked up in $PATH) with stdout into @out_path
 * (or inherited if NULL) and stderr kept in @err.  Returns the exit
 * status, or -1 if it could not run.
 */
int fix_run(char *const argv[], const char *out_path, struct strbuf *err);

/*
 * Create an empty temporary file "lockscope-fix-@what.XXXXXX" in $TMPDIR
 * (or /tmp), its name in @path; false if it cannot be made.
 */
bool fix_tempfile(struct strbuf *path, const char *what);

/* The kernel-style subject prefix for a file: "ipv6", "net/mlx5", "net". */
void fix_subsystem(struct strbuf *sb, const char *file);

/*
 * Write finding @f's fix as a "git format-patch" mail to @out: the
 * subject, the finding and its notes as the body, the diffstat and the
 * unified diff read from @diff_path.  Returns 0, or -1 if the diff
 * cannot be read.
 */
int fix_write_patch(FILE *out, const struct finding *f, const char *diff_path,
		    const char *rule);

/* Fix values for a per-file warning read back by --local, if it has a rule. */
void fix_local_values(struct finding *f);

/*
 * One edge of a lock-order cycle: @fn holds a lock taken at @held_line
 * and takes the next one at @acq_line (0: down a call).
 */
struct fix_witness {
	const struct func *fn;
	int held_line, acq_line;
	const char *held_shown, *acq_shown;
};

/*
 * The lock-order rule's values for an ABBA finding between @klass[0]
 * and @klass[1] (@w[i] holds klass[i], takes the other), or why not:
 * given to each such finding by fix_lock_order_finish(), which counts
 * the sites of every order in one walk of @prog.
 */
void fix_lock_order(struct finding *f, const char *klass[2], const struct fix_witness w[2]);
void fix_lock_order_finish(const struct program *prog);

/* An rcu-nulls finding's two linkages, and the cache its objects come from. */
struct fix_nulls {
	const char *plain_head, *plain_link, *plain_node;
	const char *nulls_head, *nulls_node;
	const char *source;
};

/* The rcu-nulls rule's values for a finding, or why not. */
void fix_rcu_nulls(struct finding *f, const struct fix_nulls *n);

#endif
