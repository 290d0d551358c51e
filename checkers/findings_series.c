// SPDX-License-Identifier: MIT
/*
 * What a patch series changed, applied to the whole-tree findings: the
 * base's findings (by stable id) are dropped, so only the new ones are
 * printed, and each finding says which of its functions the series
 * changed.  "lockscope ci" writes both files.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/findings.h"
#include "lockscope/program.h"
#include "lockscope/strbuf.h"

static FILE *open_list(const char *file)
{
	FILE *f = fopen(file, "r");

	if (!f)
		ls_fatal("cannot read '%s': %s", file, strerror(errno));
	return f;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool listed(char **ids, int n, const char *id)
{
	return n && bsearch(&id, ids, n, sizeof(*ids), by_string);
}

/*
 * A finding is the base's when its id and the ids of the findings folded
 * into it all are: a series adding a second deadlock to a call that
 * already had one makes it new again.
 */
void findings_drop_baseline(const char *file)
{
	FILE *f = open_list(file);
	char line[4096], *tok, **ids = NULL;
	int i, j, nids = 0, n = findings_count();

	while (fgets(line, sizeof(line), f))
		for (tok = strtok(line, " \t\n"); tok; tok = strtok(NULL, " \t\n"))
			if (strlen(tok) == 16 && strspn(tok, "0123456789abcdef") == 16) {
				ids = ls_xrealloc(ids, (nids + 1) * sizeof(*ids));
				ids[nids++] = ls_xstrdup(tok);
			}
	fclose(f);
	if (nids)
		qsort(ids, nids, sizeof(*ids), by_string);
	for (i = 0; i < n; i++) {
		struct finding *fi = findings_get(i);
		bool in = listed(ids, nids, fi->id);

		for (j = 0; in && j < fi->nalso; j++)
			in = listed(ids, nids, fi->also[j]->id);
		fi->dropped = in;
	}
	for (i = 0; i < nids; i++)
		free(ids[i]);
	free(ids);
}

static bool inside(const char *file, int line, const char *hfile, int start, int end)
{
	return line >= start && line <= end && !strcmp(file, hfile);
}

/* Name FUNCTION in F's touched list once, and say so in a note at FILE:LINE. */
static void mark(struct finding *f, const char *function, const char *file, int line)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(function);
	const char *p;

	for (p = f->touched; p && (p = strstr(p, function)); p += len)
		if ((p == f->touched || p[-1] == ' ') && p[len] == '(')
			return;
	if (f->touched)
		sb_addf(&sb, "%s, ", f->touched);
	sb_addf(&sb, "%s()", function);
	free(f->touched);
	f->touched = sb_detach(&sb);
	/* a note keeps its file: @file is the caller's line buffer */
	finding_note(f, strtab_intern(file), line, 0, "this series changes %s(), on this path",
		     function);
}

/*
 * Each line: FILE START END NAME, a definition the series changes, or
 * FILE START END NAME HEADER LINE, a call (inlined in the facts) of a
 * header function the series changes, defined at HEADER:LINE.
 */
void findings_mark_touched(const char *file)
{
	FILE *in = open_list(file);
	char line[4096], hfile[2048], name[512], def[2048];
	int start, end, defline, i, j, n = findings_count();

	while (fgets(line, sizeof(line), in)) {
		int got = sscanf(line, "%2047s %d %d %511s %2047s %d", hfile, &start, &end,
				 name, def, &defline);

		if (got != 4 && got != 6)
			continue;
		if (got == 4) {
			snprintf(def, sizeof(def), "%s", hfile);
			defline = start;
		}
		for (i = 0; i < n; i++) {
			struct finding *f = findings_get(i);
			int nnotes = f->nnotes;	/* not the notes mark() adds */
			bool hit = inside(f->file, f->line, hfile, start, end);

			for (j = 0; !hit && j < nnotes; j++)
				hit = inside(f->notes[j].file, f->notes[j].line, hfile, start, end);
			if (hit)
				mark(f, name, def, defline);
		}
	}
	fclose(in);
}

/*
 * The key of a per-file warning: its file and its message, with "line N"
 * made anonymous, so that code moving within the file keeps the id.
 */
static char *local_key(const char *file, const char *msg)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;

	sb_addf(&sb, "%s\t", file);
	for (p = msg; *p; p++) {
		sb_addf(&sb, "%c", *p);
		if (!strncmp(p, "line ", 5) && p[5] >= '0' && p[5] <= '9') {
			sb_add(&sb, "ine N");
			for (p += 5; p[1] >= '0' && p[1] <= '9'; p++)
				;
		}
	}
	return sb_detach(&sb);
}

void findings_load_local(const char *file)
{
	FILE *in = open_list(file);
	char line[8192], where[2048], sev[16], check[64];
	struct finding *last = NULL;
	int l, c, off;

	while (fgets(line, sizeof(line), in)) {
		char *msg, *tag;

		line[strcspn(line, "\n")] = 0;
		c = 0;
		if (sscanf(line, "%2047[^:]:%d:%d: %15[a-z]: %n", where, &l, &c, sev, &off) == 4 ||
		    (c = 0, sscanf(line, "%2047[^:]:%d: %15[a-z]: %n", where, &l, sev, &off) == 3)) {
			msg = line + off;
		} else {
			last = NULL;
			continue;
		}
		if (!strcmp(sev, "note")) {
			if (last)
				finding_note(last, ls_xstrdup(where), l, c, "%s", msg);
			continue;
		}
		last = NULL;
		tag = strstr(msg, " [lockscope/");
		if (!tag || sscanf(tag, " [lockscope/%63[^]]]", check) != 1)
			continue;
		*tag = 0;
		{
			char *key = local_key(where, msg);

			last = finding_add(ls_xstrdup(check), !strcmp(sev, "error") ? "error" : "warning",
					   key, ls_xstrdup(where), l, c, "%s", msg);
			free(key);
		}
	}
	fclose(in);
}
