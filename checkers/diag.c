// SPDX-License-Identifier: MIT
/*
 * lockscope's diagnostics: sparse/gcc form on stderr, one check name in
 * brackets, then note: lines that explain.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "lib.h"
#include "lockscope/diag.h"
#include "lockscope/source.h"

unsigned int ls_warnings;
bool ls_warnings_are_errors;

static void vreport(struct position pos, const char *kind, const char *check,
		    const char *fmt, va_list ap)
{
	char name[128];

	source_call_name(&pos, name, sizeof(name));
	fprintf(stderr, "%s:%d:%d: %s: ", stream_name(pos.stream), pos.line,
		pos.pos, kind);
	vfprintf(stderr, fmt, ap);
	if (check)
		fprintf(stderr, " [lockscope/%s]", check);
	fputc('\n', stderr);
}

void ls_warn(struct position pos, const char *check, const char *fmt, ...)
{
	va_list ap;

	ls_warnings++;
	va_start(ap, fmt);
	vreport(pos, ls_warnings_are_errors ? "error" : "warning", check, fmt, ap);
	va_end(ap);
}

void ls_note(struct position pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(pos, "note", NULL, fmt, ap);
	va_end(ap);
}

void ls_fatal(const char *fmt, ...)
{
	va_list ap;

	fputs("lockscope: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

double ls_thread_cpu(void)
{
	struct timespec t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}
