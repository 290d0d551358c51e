/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_DIAG_H
#define LOCKSCOPE_DIAG_H

#include <stdbool.h>
#include "token.h"

/*
 * lockscope's own diagnostics, in sparse/gcc form on stderr:
 *
 *   file:line:col: warning: message [lockscope/<check>]
 *   file:line:col: note: one hop of the explanation
 *
 * They do not go through sparse's warning(), so sparse's warning limit
 * and -fmax-warnings=0 (which silences sparse) leave them alone.
 */
void ls_warn(struct position pos, const char *check, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ls_note(struct position pos, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Number of lockscope warnings printed so far. */
extern unsigned int ls_warnings;
/* -Wsparse-error: lockscope's warnings become errors, too. */
extern bool ls_warnings_are_errors;

/* Fatal usage or input error: "lockscope: ..." and exit status 1. */
void ls_fatal(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

/* For --stats: the CPU time of the calling thread so far, in seconds. */
double ls_thread_cpu(void);

#endif
