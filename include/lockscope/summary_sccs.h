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
/* The next SCC's members in *@members and their number; 0 after the last. */
int scc_walk_next(struct scc_walk *w, struct func ***members);
void scc_walk_end(struct scc_walk *w);

#endif
