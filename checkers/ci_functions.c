// SPDX-License-Identifier: MIT
/*
 * lockscope ci-functions: which function definitions a series' hunks
 * change.  libclang parses each file with its compile command; the
 * extents of the function definitions in the file itself are matched
 * against the hunks' line ranges (of the new side of "git diff -U0").
 *
 * Input, on stdin:   FILE START END    (one hunk; END < START: a deletion
 *                                       after line START)
 * Output, on stdout: FILE START END FUNCTION   (each definition touched)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lockscope/compdb.h"
#include "lockscope/diag.h"
#include "lockscope/strbuf.h"

struct hunk {
	char *file;
	int start, end;
};

#ifdef HAVE_LIBCLANG
#include <clang-c/Index.h>

struct visit {
	const char *file;
	const struct hunk *hunks;
	int first, last;	/* this file's hunks */
};

/* Only what the preprocessor needs: gcc's code-generation flags are noise to clang. */
static bool keep_flag(const char *a, bool *takes_next)
{
	*takes_next = !strcmp(a, "-include") || !strcmp(a, "-isystem") ||
		      !strcmp(a, "-I") || !strcmp(a, "-D") || !strcmp(a, "-U");
	return *takes_next || !strncmp(a, "-I", 2) || !strncmp(a, "-D", 2) ||
	       !strncmp(a, "-U", 2) || !strncmp(a, "-isystem", 8) ||
	       !strcmp(a, "-nostdinc") || !strncmp(a, "-std=", 5);
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data)
{
	const struct visit *v = data;
	CXSourceRange r;
	unsigned from, to;
	int i;

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl || !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	if (!clang_Location_isFromMainFile(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	r = clang_getCursorExtent(c);
	clang_getSpellingLocation(clang_getRangeStart(r), NULL, &from, NULL, NULL);
	clang_getSpellingLocation(clang_getRangeEnd(r), NULL, &to, NULL, NULL);
	for (i = v->first; i < v->last; i++) {
		const struct hunk *h = &v->hunks[i];
		int end = h->end < h->start ? h->start : h->end;

		if (h->start <= (int)to && end >= (int)from) {
			CXString name = clang_getCursorSpelling(c);

			printf("%s %u %u %s\n", v->file, from, to, clang_getCString(name));
			clang_disposeString(name);
			break;
		}
	}
	return CXChildVisit_Continue;
}

static void map_file(CXIndex index, struct compdb *db, struct visit *v)
{
	struct compdb_cmd cmd = { 0 };
	struct strbuf path = STRBUF_INIT;
	CXTranslationUnit tu;
	const char **args;
	int i, n = 0;
	bool next;

	if (!compdb_lookup(db, v->file, &cmd)) {
		fprintf(stderr, "lockscope ci-functions: no compile command for '%s'\n", v->file);
		return;
	}
	args = ls_xcalloc(cmd.argc + 4, sizeof(*args));
	for (i = 0; i < cmd.argc; i++) {
		if (!keep_flag(cmd.argv[i], &next))
			continue;
		args[n++] = cmd.argv[i];
		if (next && i + 1 < cmd.argc)
			args[n++] = cmd.argv[++i];
	}
	args[n++] = "-w";
	args[n++] = "-ferror-limit=0";
	/* relative -I paths are the command directory's */
	sb_addf(&path, "%s/%s", cmd.dir, cmd.file);
	if (chdir(cmd.dir))
		ls_fatal("cannot enter '%s'", cmd.dir);
	if (clang_parseTranslationUnit2(index, sb_str(&path), args, n, NULL, 0,
					CXTranslationUnit_KeepGoing, &tu)) {
		fprintf(stderr, "lockscope ci-functions: libclang cannot parse '%s'\n", v->file);
	} else {
		clang_visitChildren(clang_getTranslationUnitCursor(tu), visit, v);
		clang_disposeTranslationUnit(tu);
	}
	free(args);
	sb_release(&path);
	compdb_cmd_release(&cmd);
}
#endif

static int by_file(const void *a, const void *b)
{
	return strcmp(((const struct hunk *)a)->file, ((const struct hunk *)b)->file);
}

int ci_functions_main(int argc, char **argv)
{
	struct hunk *hunks = NULL;
	char line[4096], file[4096];
	const char *dir = NULL;
	int i, n = 0;

	for (i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "--compdb=", 9))
			dir = argv[i] + 9;
		else
			ls_fatal("ci-functions: unknown option '%s'", argv[i]);
	}
	if (!dir)
		ls_fatal("ci-functions: --compdb=DIR is needed");
	compdb_require("lockscope ci");
	while (fgets(line, sizeof(line), stdin)) {
		struct hunk h;

		if (sscanf(line, "%4095s %d %d", file, &h.start, &h.end) != 3)
			ls_fatal("ci-functions: bad input line '%s'", line);
		h.file = ls_xstrdup(file);
		hunks = ls_xrealloc(hunks, (n + 1) * sizeof(*hunks));
		hunks[n++] = h;
	}
	if (n)
		qsort(hunks, n, sizeof(*hunks), by_file);
#ifdef HAVE_LIBCLANG
	{
		struct compdb *db = compdb_open(dir);
		CXIndex index = clang_createIndex(0, 0);
		struct visit v = { .hunks = hunks };

		for (v.first = 0; v.first < n; v.first = v.last) {
			v.file = hunks[v.first].file;
			for (v.last = v.first; v.last < n && !strcmp(hunks[v.last].file, v.file); v.last++)
				;
			map_file(index, db, &v);
		}
		clang_disposeIndex(index);
		compdb_close(db);
	}
#endif
	for (i = 0; i < n; i++)
		free(hunks[i].file);
	free(hunks);
	return 0;
}
