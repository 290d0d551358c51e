/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_FINDINGS_H
#define LOCKSCOPE_FINDINGS_H

#include <stdbool.h>
#include <stdio.h>

/*
 * A whole-tree finding: where, what, and the notes that explain it.  Its
 * id is a hash of what it is about (the check, the functions, the lock
 * classes), never of line numbers, so it survives unrelated edits.
 */
struct note {
	const char *file;
	int line, col;
	char *msg;
};

/* Where a finding's bug is: a call made with a lock held (findings_group.c). */
struct site {
	const char *file;
	int line, col;
};

/* What a fix rule needs to find the spot again: "func", "line", ... */
struct fix_arg {
	const char *key;
	char *value;
};

struct finding {
	const char *check;
	const char *severity;		/* "error" or "warning" */
	char *msg;
	const char *file;
	int line, col;
	int nnotes;
	struct note *notes;
	int nfix;
	struct fix_arg *fix;		/* rules/cocci instance, or none */
	char id[17];
	bool dropped;			/* in the baseline: not printed */
	char *touched;			/* functions of it a series changes */
	int nsites;
	struct site *sites;		/* the calls it blames, for grouping */
	int rank;			/* in a group, the lowest is shown */
	struct finding *group;		/* shown as part of this one, or NULL */
	int nalso;
	struct finding **also;		/* the group's other findings */
};

struct finding *finding_add(const char *check, const char *severity,
			    const char *key, const char *file, int line, int col,
			    const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
void finding_note(struct finding *f, const char *file, int line, int col,
		  const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Record one value for the finding's fix rule (JSON "fix" object). */
void finding_fix(struct finding *f, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *finding_fix_value(const struct finding *f, const char *key);

/* Blame a call site: findings blaming one call are one bug. */
void finding_site(struct finding *f, const char *file, int line, int col);
/*
 * Fold the findings of one bug into one: those blaming a call that a
 * callback-under-lock finding blames, and those with one id.
 */
void findings_group(void);

enum output_format { OUT_TEXT, OUT_JSON, OUT_SARIF, OUT_MARKDOWN, OUT_IDS };

/*
 * A check run on a second thread keeps its findings in a list of its own,
 * which the main thread puts back where the check would have added them
 * running alone: the output does not depend on the threads.
 */
struct finding_list;
/* From now on, this thread's findings go to a new list. */
struct finding_list *findings_divert(void);
/* Insert @list's findings before the @at-th of the main list, and free it. */
void findings_splice(struct finding_list *list, int at);
/* How many findings this thread has made: a mark for findings_order_runs(). */
int findings_here(void);
/*
 * A check that took its work out of order puts its findings back: this
 * thread's findings from @from on are @nruns runs, run i ending before
 * @ends[i], and are sorted by the runs' @keys, each run keeping its order.
 */
void findings_order_runs(int from, const int *ends, const int *keys, int nruns);

/* The findings so far, for the series filters (findings_series.c). */
int findings_count(void);
struct finding *findings_get(int i);

/* Drop the findings whose ids FILE lists (one a line, as --format=ids). */
void findings_drop_baseline(const char *file);
/* Add the per-file warnings of a lockscope run's output (FILE). */
void findings_load_local(const char *file);
/* Note which functions of each finding FILE's hunks touch (FILE START END NAME). */
void findings_mark_touched(const char *file);

/* Print every finding (sorted by place, one per id); returns how many. */
int findings_print(FILE *out, enum output_format format);
/* The findings as printed (sorted, one per id); free() the array. */
struct finding **findings_list(int *n);

#endif
