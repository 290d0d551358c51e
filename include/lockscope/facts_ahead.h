/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_FACTS_AHEAD_H
#define LOCKSCOPE_FACTS_AHEAD_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The facts files of a tree, read whole in their order, opened and their
 * reading started ahead, on a thread of its own when @threaded.
 */
struct facts_ahead;

/* Zero bytes after each file's contents, for word-at-a-time scans. */
#define FACTS_AHEAD_SLACK 8

struct facts_ahead *facts_ahead_start(char *const *paths, int n, bool threaded);
/*
 * The next file's contents and size, valid until the next call; NULL
 * with *@err set (an errno) if it could not be opened or read.
 */
char *facts_ahead_next(struct facts_ahead *a, size_t *size, int *err);
void facts_ahead_end(struct facts_ahead *a);

#endif
