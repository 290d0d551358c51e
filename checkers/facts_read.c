// SPDX-License-Identifier: MIT
/*
 * Loading the facts of a whole tree.  A file that is not lockscope's, is
 * of another version, is truncated or malformed is named on stderr and
 * skipped whole: one bad file never takes the report down, and never
 * contributes half its records.  Here: the directories, and each file
 * (read whole by facts_ahead.c) split into lines and fields;
 * facts_records.c parses each record, program_tables.c takes a good
 * file's records in.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lockscope/arena.h"
#include "lockscope/diag.h"
#include "lockscope/facts_ahead.h"
#include "lockscope/facts_parse.h"
#include "lockscope/program.h"
#include "lockscope/strbuf.h"
#include "lockscope/waits.h"

/*
 * The functions, their calls and the calls' lists: a kernel has
 * millions, allocated in bulk.  A bad file's go back to the mark taken
 * before it.
 */
static struct arena record_arena;

/*
 * The first tab in [@p, @eol), or @eol: eight bytes at a time, which may
 * read up to seven bytes past @eol (the file's buffer has the slack).
 */
static char *find_tab(char *p, char *eol)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101ull, tabs = ones * '\t';
	uint64_t w, t;

	for (; p < eol; p += 8) {
		memcpy(&w, p, sizeof(w));
		w ^= tabs;
		/* the lowest byte that was a tab has its top bit set */
		t = (w - ones) & ~w & ones << 7;
		if (t) {
			p += __builtin_ctzll(t) / 8;
			return p < eol ? p : eol;
		}
	}
	return eol;
#else
	while (p < eol && *p != '\t')
		p++;
	return p;
#endif
}

/* Split @line (up to @eol) at its tabs: the fields, or -1 if over @max. */
static int split(char *line, char *eol, struct rec *r, int max)
{
	char *p = line, *q;

	r->n = 0;
	r->hashed = 0;
	for (;;) {
		if (r->n == max)
			return r->n = -1;
		r->f[r->n] = p;
		q = find_tab(p, eol);
		r->len[r->n++] = q - p;
		if (q == eol)
			return r->n;
		*q = '\0';
		p = q + 1;
	}
}

/*
 * The file's acquisitions to their functions, in file order, each
 * function's in one array of the exact size (waits.c adds to it).
 */
static void hand_out_acqs(struct parse *ps)
{
	int i;

	for (i = 0; i < ps->nfuncs; i++) {
		struct func *fn = ps->funcs[i];

		fn->aacqs = fn->nacqs;
		fn->acqs = fn->nacqs ? ls_xmalloc(fn->nacqs * sizeof(*fn->acqs)) : NULL;
		fn->nacqs = 0;
	}
	for (i = 0; i < ps->nacqs; i++) {
		struct func *fn = ps->acqs[i].fn;

		fn->acqs[fn->nacqs++] = ps->acqs[i];
	}
	ps->nacqs = 0;
	ps->acq = NULL;
}

/*
 * The file's calls to their functions, in file order, with their
 * arguments (unless the file is bad: it goes whole).
 */
#define LOOKAHEAD 16

static unsigned int args_hash(struct parse *ps, int i)
{
	return strlist_hash(ps->args + ps->args_at[i], ps->calls[i].nargs);
}

static void intern_args(struct parse *ps)
{
	static unsigned int hash[LOOKAHEAD];
	int i, n = ps->ncalls;

	for (i = 0; i < n && i < LOOKAHEAD; i++) {
		hash[i] = args_hash(ps, i);
		strlist_prefetch(hash[i]);
	}
	for (i = 0; i < n; i++) {
		int ahead = i + LOOKAHEAD, half = i + LOOKAHEAD / 2;
		unsigned int h = hash[i % LOOKAHEAD];

		if (half < n)
			strlist_prefetch_list(hash[half % LOOKAHEAD]);
		ps->calls[i].args = strlist_intern_hashed(ps->args + ps->args_at[i],
							  ps->calls[i].nargs, h);
		if (ahead < n) {
			hash[i % LOOKAHEAD] = args_hash(ps, ahead);
			strlist_prefetch(hash[i % LOOKAHEAD]);
		}
	}
}

static void hand_out_calls(struct parse *ps)
{
	int i;

	if (!ps->error)
		intern_args(ps);

	for (i = 0; i < ps->nfuncs; i++) {
		struct func *fn = ps->funcs[i];

		fn->calls = fn->ncalls ?
			    arena_alloc(ps->records, fn->ncalls * sizeof(*fn->calls)) : NULL;
		fn->ncalls = 0;
	}
	for (i = 0; i < ps->ncalls; i++) {
		struct func *fn = ps->calls[i].caller;

		fn->calls[fn->ncalls++] = ps->calls[i];
	}
	ps->ncalls = 0;
	ps->nargs = 0;
	ps->call = NULL;
}

/* Everything the file's records hold, but the interned strings. */
static void discard(struct parse *ps, const struct arena_mark *mark)
{
	int i;

	for (i = 0; i < ps->nfuncs; i++) {
		free(ps->funcs[i]->acqs);
		wait_discard(ps->funcs[i]);
	}
	/* the functions, their calls and the lists of both */
	arena_rewind(&record_arena, mark);
}

/*
 * Lines are split a batch ahead of the parser, and what their fields
 * will intern is loaded meanwhile: the string table is far bigger than
 * the caches.
 */
#define BATCH 128

struct line {
	char *eol;			/* NULL: the file ends before its '\n' */
	struct rec r;
};

static int split_batch(struct line *batch, char **p, char *end)
{
	int n, i, k;

	for (n = 0; n < BATCH && *p < end; n++) {
		struct line *l = &batch[n];
		struct rec *r = &l->r;
		unsigned int want;

		l->eol = memchr(*p, '\n', end - *p);
		if (!l->eol) {
			n++;
			break;
		}
		*l->eol = '\0';
		split(*p, l->eol, r, 16);
		*p = l->eol + 1;
		want = r->n > 1 && r->len[0] == 1 ? facts_interned_fields(r->f[0][0]) : 0;
		for (i = 0; i < r->n; i++) {
			if (want & 1u << i) {
				r->hash[i] = strtab_hash(r->f[i], r->len[i]);
				r->hashed |= 1u << i;
				strtab_prefetch(r->hash[i]);
			}
		}
	}
	for (k = 0; k < n; k++)
		for (i = 0; i < batch[k].r.n; i++)
			if (batch[k].r.hashed & 1u << i)
				strtab_prefetch_string(batch[k].r.hash[i]);
	return n;
}

/* One line: false when it ends the parse, with ps->error or @ended set. */
static bool parse_line(struct parse *ps, struct line *l, const char *nul,
		       int *records, bool *ended)
{
	long long count;

	ps->line++;
	if (!l->eol) {
		ps->error = "truncated (no end of line)";
		return false;
	}
	if (*ended) {
		ps->error = "records after the end";
		return false;
	}
	if (nul < l->eol) {
		ps->error = ps->line == 1 ? "not a lockscope facts file" : "malformed record";
		return false;
	}
	if (ps->line <= 2) {
		if (!facts_parse_header(ps, &l->r))
			return false;
		*records += ps->line == 2;
		return true;
	}
	if (l->r.n >= 2 && !strcmp(l->r.f[0], "end")) {
		if (l->r.n != 2 || !facts_number(l->r.f[1], &count) || count != *records + 1) {
			ps->error = "record count does not match: truncated or edited";
			return false;
		}
		*ended = true;
		return true;
	}
	(*records)++;
	if (!facts_parse_record(ps, &l->r)) {
		if (!ps->error)
			ps->error = "malformed record";
		return false;
	}
	return true;
}

static void parse_lines(struct parse *ps, char *buf, size_t size)
{
	static struct line batch[BATCH];
	char *p = buf, *end = buf + size;
	/* a '\0' would cut a field short: a line holding one is malformed */
	const char *nul = memchr(buf, '\0', size);
	int records = 0, n, i;
	bool ended = false;

	if (!nul)
		nul = end;
	while ((n = split_batch(batch, &p, end)))
		for (i = 0; i < n; i++)
			if (!parse_line(ps, &batch[i], nul, &records, &ended))
				return;
	if (!ended)
		ps->error = ps->line ? "truncated (no end record)" : "empty";
}

/* @path's contents @buf, or NULL: not read, for the reason @err */
static void load_file(struct program *prog, const char *path, char *buf, size_t size,
		      int err)
{
	/* the arrays outlive the file: the next one parses into them */
	static struct parse ps;
	struct arena_mark mark = arena_mark(&record_arena);

	if (!buf) {
		fprintf(stderr, "lockscope: warning: %s: %s; skipped\n", path, strerror(err));
		prog->nskipped++;
		return;
	}
	ps.path = path;
	ps.line = 0;
	ps.tu = NULL;
	ps.nfuncs = ps.ncalls = ps.nargs = ps.nacqs = ps.nbinds = ps.ntypes = 0;
	ps.call = NULL;
	ps.acq = NULL;
	ps.error = NULL;
	ps.records = &record_arena;
	parse_lines(&ps, buf, size);
	hand_out_calls(&ps);
	hand_out_acqs(&ps);
	if (ps.error) {
		fprintf(stderr, "lockscope: warning: %s:%d: %s; skipped\n",
			path, ps.line, ps.error);
		prog->nskipped++;
		discard(&ps, &mark);
	} else {
		facts_commit(prog, &ps);
		prog->nfiles++;
	}
}

struct entry {
	char *name;
	unsigned char type;		/* readdir()'s d_type: DT_UNKNOWN asks stat() */
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/* What @path is: a directory, a regular file or neither (following links). */
static unsigned char entry_type(const char *path, unsigned char type)
{
	struct stat st;

	/* a kernel's facts are thousands of files: no stat() for most */
	if (type == DT_DIR || type == DT_REG)
		return type;
	if (stat(path, &st))
		return DT_UNKNOWN;
	return S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
}

/* The facts files, in the order they are loaded. */
struct file_list {
	char **paths;
	int n, alloc;
};

static void walk(struct file_list *files, const char *dir, int depth)
{
	struct strbuf path = STRBUF_INIT;
	struct entry *entries = NULL;
	int n = 0, a = 0, i;
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d) {
		if (depth == 0)
			ls_fatal("cannot read the facts directory '%s': %s", dir, strerror(errno));
		return;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		GROW(entries, n, a);
		entries[n].name = ls_xstrdup(de->d_name);
		entries[n++].type = de->d_type;
	}
	closedir(d);
	/* a stable order, so that reports are the same run to run */
	if (n)
		qsort(entries, n, sizeof(*entries), by_name);
	for (i = 0; i < n; i++) {
		const char *name = entries[i].name;
		size_t len = strlen(name);
		unsigned char type;

		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir, name);
		type = entry_type(sb_str(&path), entries[i].type);
		if (type == DT_DIR && depth < 64) {
			walk(files, sb_str(&path), depth + 1);
		} else if (type == DT_REG && len > 6 && !strcmp(name + len - 6, ".facts")) {
			GROW(files->paths, files->n, files->alloc);
			files->paths[files->n++] = ls_xstrdup(sb_str(&path));
		}
		free(entries[i].name);
	}
	free(entries);
	sb_release(&path);
}

void program_load(struct program *prog, const char *dir, bool threaded)
{
	struct file_list files = { 0 };
	struct facts_ahead *ahead;
	int i, err;

	walk(&files, dir, 0);
	ahead = facts_ahead_start(files.paths, files.n, threaded);
	for (i = 0; i < files.n; i++) {
		size_t size = 0;
		char *buf = facts_ahead_next(ahead, &size, &err);

		load_file(prog, files.paths[i], buf, size, err);
	}
	facts_ahead_end(ahead);
	strlist_intern_end();
	for (i = 0; i < files.n; i++)
		free(files.paths[i]);
	free(files.paths);
}
