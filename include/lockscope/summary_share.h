/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_SUMMARY_SHARE_H
#define LOCKSCOPE_SUMMARY_SHARE_H

#include <stdbool.h>

#include "lockscope/program.h"
#include "lockscope/summary_sccs.h"

/*
 * The SCCs shared between the main thread, which takes them in order,
 * and a helper on a thread of its own, which takes a little ahead those
 * whose callees are all summarised.
 */
struct scc_helper {
	void (*start)(void);	/* on the helper's thread, first */
	void (*summarise)(struct func **scc, int n);
	void (*end)(void);	/* ... and last */
	int max_members;	/* larger SCCs are the main thread's */
};

struct scc_share;

struct scc_share *scc_share_start(struct scc_walk *walk, int nfuncs, bool threaded,
				  const struct scc_helper *helper);
/*
 * The main thread's next SCC, in *@members, its callees summarised; 0
 * after the last.  Summarised, it says so with scc_share_done().
 */
int scc_share_next(struct scc_share *s, struct func ***members);
void scc_share_done(struct scc_share *s);
/* --stats: what the helper did, and the waits */
struct scc_share_stats {
	int helped;		/* SCCs the helper summarised */
	int main_waited;	/* ... for one of which the main thread waited */
	int main_went_on;	/* ... took another SCC instead */
	int main_slept;		/* ... or slept */
	double main_asleep;	/* seconds */
	int helper_waited;	/* nothing ready ahead */
	int helper_slept;	/* ... for long enough to sleep */
	double helper_cpu;	/* seconds */
};

/* Wait for the helper's last SCC. */
void scc_share_end(struct scc_share *s, struct scc_share_stats *stats);
/* The last summaries' (summary.c) */
void summaries_share_stats(struct scc_share_stats *stats);

#endif
