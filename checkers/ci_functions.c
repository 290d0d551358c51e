// SPDX-License-Identifier: MIT
/*
 * lockscope ci-functions: which function definitions a series' hunks
 * change.  libclang parses each file with its compile command; the
 * extents of the function definitions are matched against the hunks'
 * line ranges (of the new side of "git diff -U0").
 *
 * A hunk in a header changes the static inline functions defined there.
 * The per-file step inlines those into their callers, at the position of
 * the call, so each call of a changed header function (or of a header
 * function calling one) in a parsed .c file is printed too: a finding
 * whose chain passes that line went through the changed function.
 *
 * Input, on stdin:   FILE START END    (one hunk; END < START: a deletion
 *                                       after line START)
 *                    @ FILE            (a .c file including a changed
 *                                       header: parse it too)
 * Output, on stdout: FILE START END FUNCTION   (each definition touched)
 *                    FILE START END FUNCTION HEADER LINE
 *                                      (a call of a changed header function
 *                                       defined at HEADER:LINE)
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lockscope/compdb.h"
#include "lockscope/diag.h"
#include "lockscope/strbuf.h"

struct hunk {
	char *file;
	char *real;		/* its realpath, to know it in any TU */
	int start, end;
};

/* The files to parse: those with hunks (C files) and the @ lines. */
struct unit {
	char *file;
};

static bool is_c_file(const char *file)
{
	size_t n = strlen(file);

	return n > 2 && !strcmp(file + n - 2, ".c");
}

#ifdef HAVE_LIBCLANG
#include "lockscope/libclang.h"

/* A header function the series changes, directly or through a callee. */
struct changed {
	char *usr, *name, *file;
	int line;
};

/* A call made by a header function, for the closure. */
struct edge {
	char *caller, *callee;	/* USRs */
};

struct state {
	const struct hunk *hunks;
	int nhunks;
	const char *main;	/* the .c file being parsed (as given) */
	bool headers;		/* some hunks are in headers */
	struct changed *changed;
	int nchanged;
	struct edge *edges;
	int nedges;
	const char *caller;	/* USR of the header function being walked */
	char *printed;		/* "file\tname" lines already printed */
	struct strbuf seen;
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

static char *take(CXString s)
{
	char *r = ls_xstrdup(clang_getCString(s) ? clang_getCString(s) : "");

	clang_disposeString(s);
	return r;
}

/* The hunks' file that LOC is in (by realpath), or NULL; @line gets its line. */
static const char *hunk_file(const struct state *st, CXSourceLocation loc, unsigned *line)
{
	static char last_name[PATH_MAX];
	static const char *last_file;
	char real[PATH_MAX];
	CXFile file;
	char *name;
	int i;

	clang_getSpellingLocation(loc, &file, line, NULL, NULL);
	if (!file)
		return NULL;
	name = take(clang_getFileName(file));
	if (strcmp(name, last_name)) {
		snprintf(last_name, sizeof(last_name), "%s", name);
		last_file = NULL;
		if (realpath(name, real))
			for (i = 0; i < st->nhunks && !last_file; i++)
				if (st->hunks[i].real && !strcmp(st->hunks[i].real, real))
					last_file = st->hunks[i].file;
	}
	free(name);
	return last_file;
}

static bool changes(const struct state *st, const char *file, unsigned from, unsigned to)
{
	int i;

	for (i = 0; i < st->nhunks; i++) {
		const struct hunk *h = &st->hunks[i];
		int end = h->end < h->start ? h->start : h->end;

		if (!strcmp(h->file, file) && h->start <= (int)to && end >= (int)from)
			return true;
	}
	return false;
}

static const struct changed *find_changed(const struct state *st, const char *usr)
{
	int i;

	for (i = 0; i < st->nchanged; i++)
		if (!strcmp(st->changed[i].usr, usr))
			return &st->changed[i];
	return NULL;
}

static void add_changed(struct state *st, const char *usr, const char *name,
			const char *file, int line)
{
	struct changed *c;

	if (find_changed(st, usr))
		return;
	st->changed = ls_xrealloc(st->changed, (st->nchanged + 1) * sizeof(*st->changed));
	c = &st->changed[st->nchanged++];
	c->usr = ls_xstrdup(usr);
	c->name = ls_xstrdup(name);
	c->file = ls_xstrdup(file);
	c->line = line;
}

/* Print "FILE START END NAME[ MORE]" once per (FILE, START, NAME). */
static void print_once(struct state *st, const char *file, unsigned from, unsigned to,
		       const char *name, const char *more)
{
	struct strbuf key = STRBUF_INIT;

	sb_addf(&key, "\n%s\t%u\t%s\n", file, from, name);
	if (!strstr(sb_str(&st->seen), sb_str(&key))) {
		sb_add(&st->seen, sb_str(&key) + 1);
		printf("%s %u %u %s%s%s\n", file, from, to, name, more ? " " : "", more ? more : "");
	}
	sb_release(&key);
}

/* Calls inside a function body: header-to-header edges, main-file call sites. */
static enum CXChildVisitResult calls(CXCursor c, CXCursor parent, CXClientData data)
{
	struct state *st = data;
	CXCursor callee;
	char *usr;

	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return CXChildVisit_Recurse;
	callee = clang_getCursorReferenced(c);
	if (clang_Cursor_isNull(callee))
		return CXChildVisit_Recurse;
	usr = take(clang_getCursorUSR(callee));
	if (st->caller) {
		struct edge *e;

		st->edges = ls_xrealloc(st->edges, (st->nedges + 1) * sizeof(*st->edges));
		e = &st->edges[st->nedges++];
		e->caller = ls_xstrdup(st->caller);
		e->callee = usr;
		return CXChildVisit_Recurse;
	}
	{
		const struct changed *ch = find_changed(st, usr);

		if (ch) {
			CXSourceRange r = clang_getCursorExtent(c);
			unsigned from, to;
			struct strbuf more = STRBUF_INIT;

			clang_getSpellingLocation(clang_getRangeStart(r), NULL, &from, NULL, NULL);
			clang_getSpellingLocation(clang_getRangeEnd(r), NULL, &to, NULL, NULL);
			sb_addf(&more, "%s %d", ch->file, ch->line);
			print_once(st, st->main, from, to, ch->name, sb_str(&more));
			sb_release(&more);
		}
	}
	free(usr);
	return CXChildVisit_Recurse;
}

/* Pass 1: the definitions the hunks change, and the header functions' calls. */
static enum CXChildVisitResult definitions(CXCursor c, CXCursor parent, CXClientData data)
{
	struct state *st = data;
	CXSourceRange r;
	const char *file;
	unsigned from, to;
	char *name, *usr;

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl || !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	r = clang_getCursorExtent(c);
	clang_getSpellingLocation(clang_getRangeEnd(r), NULL, &to, NULL, NULL);
	if (clang_Location_isFromMainFile(clang_getCursorLocation(c))) {
		clang_getSpellingLocation(clang_getRangeStart(r), NULL, &from, NULL, NULL);
		file = st->main;
	} else {
		file = hunk_file(st, clang_getRangeStart(r), &from);
	}
	name = take(clang_getCursorSpelling(c));
	usr = take(clang_getCursorUSR(c));
	if (file && changes(st, file, from, to)) {
		print_once(st, file, from, to, name, NULL);
		if (file != st->main)
			add_changed(st, usr, name, file, from);
	}
	if (st->headers && !clang_Location_isFromMainFile(clang_getCursorLocation(c))) {
		st->caller = usr;
		clang_visitChildren(c, calls, st);
		st->caller = NULL;
	}
	free(name);
	free(usr);
	return CXChildVisit_Continue;
}

/*
 * A header function calling a changed one changes its callers too; its
 * calls are named after, and placed at, the changed function.
 */
static void closure(struct state *st)
{
	bool more = true;
	int i;

	while (more) {
		more = false;
		for (i = 0; i < st->nedges; i++) {
			const struct edge *e = &st->edges[i];
			const struct changed *ch = find_changed(st, e->callee);

			if (ch && !find_changed(st, e->caller)) {
				add_changed(st, e->caller, ch->name, ch->file, ch->line);
				more = true;
			}
		}
	}
}

/* Pass 2: the main file's calls of changed header functions. */
static enum CXChildVisitResult main_calls(CXCursor c, CXCursor parent, CXClientData data)
{
	struct state *st = data;

	if (clang_getCursorKind(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c) &&
	    clang_Location_isFromMainFile(clang_getCursorLocation(c)))
		clang_visitChildren(c, calls, st);
	return CXChildVisit_Continue;
}

static void map_file(CXIndex index, struct compdb *db, struct state *st)
{
	struct compdb_cmd cmd = { 0 };
	struct strbuf path = STRBUF_INIT;
	CXTranslationUnit tu;
	const char **args;
	int i, n = 0, here;
	bool next;

	if (!compdb_lookup(db, st->main, &cmd)) {
		fprintf(stderr, "lockscope ci-functions: no compile command for '%s'\n", st->main);
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
	here = open(".", O_RDONLY | O_DIRECTORY);
	if (here < 0 || chdir(cmd.dir))
		ls_fatal("cannot enter '%s'", cmd.dir);
	if (clang_parseTranslationUnit2(index, sb_str(&path), args, n, NULL, 0,
					CXTranslationUnit_KeepGoing, &tu)) {
		fprintf(stderr, "lockscope ci-functions: libclang cannot parse '%s'\n", st->main);
	} else {
		CXCursor top = clang_getTranslationUnitCursor(tu);

		clang_visitChildren(top, definitions, st);
		closure(st);
		if (st->nchanged)
			clang_visitChildren(top, main_calls, st);
		clang_disposeTranslationUnit(tu);
	}
	if (fchdir(here))
		ls_fatal("cannot go back to the starting directory");
	close(here);
	free(args);
	sb_release(&path);
	compdb_cmd_release(&cmd);
}

static void map_all(const char *dir, const struct hunk *hunks, int nhunks,
		    const struct unit *units, int nunits)
{
	struct compdb *db = compdb_open(dir);
	CXIndex index = clang_createIndex(0, 0);
	struct state st = { .hunks = hunks, .nhunks = nhunks, .seen = STRBUF_INIT };
	int i;

	sb_add(&st.seen, "\n");
	for (i = 0; i < nhunks; i++)
		if (!is_c_file(hunks[i].file))
			st.headers = true;

	for (i = 0; i < nunits; i++) {
		st.main = units[i].file;
		map_file(index, db, &st);
	}
	for (i = 0; i < st.nchanged; i++) {
		free(st.changed[i].usr);
		free(st.changed[i].name);
		free(st.changed[i].file);
	}
	for (i = 0; i < st.nedges; i++) {
		free(st.edges[i].caller);
		free(st.edges[i].callee);
	}
	free(st.changed);
	free(st.edges);
	sb_release(&st.seen);
	clang_disposeIndex(index);
	compdb_close(db);
}
#endif

static void add_unit(struct unit **units, int *n, const char *file)
{
	int i;

	for (i = 0; i < *n; i++)
		if (!strcmp((*units)[i].file, file))
			return;
	*units = ls_xrealloc(*units, (*n + 1) * sizeof(**units));
	(*units)[(*n)++].file = ls_xstrdup(file);
}

int ci_functions_main(int argc, char **argv)
{
	struct hunk *hunks = NULL;
	struct unit *units = NULL;
	char line[4096], file[4096], real[PATH_MAX];
	const char *dir = NULL;
	int i, n = 0, nunits = 0;

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

		if (sscanf(line, "@ %4095s", file) == 1) {
			add_unit(&units, &nunits, file);
			continue;
		}
		if (sscanf(line, "%4095s %d %d", file, &h.start, &h.end) != 3)
			ls_fatal("ci-functions: bad input line '%s'", line);
		h.file = ls_xstrdup(file);
		h.real = realpath(file, real) ? ls_xstrdup(real) : NULL;
		hunks = ls_xrealloc(hunks, (n + 1) * sizeof(*hunks));
		hunks[n++] = h;
		if (is_c_file(file))
			add_unit(&units, &nunits, file);
	}
#ifdef HAVE_LIBCLANG
	map_all(dir, hunks, n, units, nunits);
#endif
	for (i = 0; i < n; i++) {
		free(hunks[i].file);
		free(hunks[i].real);
	}
	for (i = 0; i < nunits; i++)
		free(units[i].file);
	free(hunks);
	free(units);
	return 0;
}
