/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_SUMMARY_SCCS_H
#define LOCKSCOPE_SUMMARY_SCCS_H

#include <stdbool.h>

#include "lockscope/program.h"

/*
 * The strongly connected components of the call graph, callees first,
 * in the order the summaries are made: found by Tarjan's walk, on a
 * thread of its own if @threaded, while the first ones are summarised.
 */
struct scc_walk;

struct scc_walk *scc_walk_start(struct program *prog, bool threaded);
/*
 * SCC @j's members in *@members and their number, once found; 0 past
 * the last.  On any thread.
 */
int scc_walk_get(struct scc_walk *w, int j, struct func ***members);
/* How many SCCs are found so far: scc_walk_get() need not wait for them. */
int scc_walk_found(struct scc_walk *w);
void scc_walk_end(struct scc_walk *w);

#endif
