// SPDX-License-Identifier: MIT
/*
 * A fix as a "git format-patch" mail: what a maintainer reads (subject
 * in the subsystem's style, the finding's explanation and chain) above
 * the diff that "git am" or "patch -p1" applies.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lockscope/fix.h"

/* The path's @n-th directory ("net/ipv6/addrconf.c", 1: "ipv6"). */
static void component(struct strbuf *sb, const char *file, int n)
{
	const char *s = file, *slash;

	while (n-- > 0 && (slash = strchr(s, '/')))
		s = slash + 1;
	slash = strchr(s, '/');
	if (!slash) {
		const char *dot = strrchr(s, '.');

		slash = dot ? dot : s + strlen(s);
	}
	sb_addf(sb, "%.*s", (int)(slash - s), s);
}

static int depth(const char *file)
{
	int n = 0;

	for (; *file; file++)
		n += *file == '/';
	return n;
}

/* The file's name without its directory and extension. */
static void basename_of(struct strbuf *sb, const char *file)
{
	const char *slash = strrchr(file, '/');

	component(sb, slash ? slash + 1 : file, 0);
}

/*
 * Subjects name the subsystem the way its maintainers do: "ipv6:",
 * "net:" for the core, "net/mlx5:" for an Ethernet driver, "ALSA: timer:"
 * for sound/core/timer.c.
 */
void fix_subsystem(struct strbuf *sb, const char *file)
{
	if (!strncmp(file, "./", 2))
		file += 2;
	if (!strncmp(file, "sound/soc/", 10) && depth(file) >= 3) {
		sb_add(sb, "ASoC: ");
		component(sb, file, 2);
	} else if (!strncmp(file, "sound/core/", 11) && depth(file) == 2) {
		sb_add(sb, "ALSA: ");
		basename_of(sb, file);
	} else if (!strncmp(file, "sound/", 6) && depth(file) >= 2) {
		sb_add(sb, "ALSA: ");
		component(sb, file, depth(file) - 1);
	} else if (!strncmp(file, "net/core/", 9)) {
		sb_add(sb, "net");
	} else if (!strncmp(file, "drivers/net/ethernet/", 21) && depth(file) >= 5) {
		sb_add(sb, "net/");
		component(sb, file, 4);
	} else if (!strncmp(file, "drivers/", 8) && depth(file) >= 3) {
		component(sb, file, 2);
	} else if (depth(file) >= 2) {
		component(sb, file, 1);
	} else {
		component(sb, file, 0);
	}
}

/* The entry points a teardown-race patch guards besides the first. */
static int more_entries(const struct finding *f)
{
	const char *s = finding_fix_value(f, "entries");
	int n = 0;

	for (; s && *s; s++)
		n += *s == ' ';
	return n;
}

/* Subjects fit in 75 columns; the locks go to the body when they do not. */
#define SUBJECT_MAX 75

static void lock_order_subject(struct strbuf *sb, const char *func,
			       const char *lock, const char *held)
{
	struct strbuf full = STRBUF_INIT;

	sb_addf(&full, "%s: fix lock order in %s(): take %s before %s", sb_str(sb),
		func, lock + (*lock == '&'), held + (*held == '&'));
	if (strlen(sb_str(&full)) <= SUBJECT_MAX)
		sb_addf(sb, ": fix lock order in %s(): take %s before %s", func,
			lock + (*lock == '&'), held + (*held == '&'));
	else
		sb_addf(sb, ": fix lock order in %s()", func);
	sb_release(&full);
}

static void subject(struct strbuf *sb, const struct finding *f)
{
	const char *fixfile = finding_fix_value(f, "fixfile");
	const char *func = finding_fix_value(f, "func");
	const char *lock = finding_fix_value(f, "lock");
	const char *held = finding_fix_value(f, "held");
	const char *mode = finding_fix_value(f, "mode");

	if (!strcmp(f->check, "rcu-nulls") && finding_fix_value(f, "subsys"))
		sb_add(sb, finding_fix_value(f, "subsys"));
	else
		fix_subsystem(sb, fixfile ? fixfile : f->file);
	if (!strcmp(f->check, "callback-under-lock"))
		sb_addf(sb, ": fix deadlock calling %s() under %s in %s()",
			finding_fix_value(f, "callee"), lock + (*lock == '&'), func);
	else if (!strcmp(f->check, "lock-order"))
		lock_order_subject(sb, func, lock, held);
	else if (!strcmp(f->check, "rcu-free") && mode && !strcmp(mode, "move"))
		sb_addf(sb, ": fix use after free in %s(): unpublish before %s()", func,
			finding_fix_value(f, "callee"));
	else if (!strcmp(f->check, "rcu-free"))
		sb_addf(sb, ": fix use after free in %s(): free after an RCU grace period", func);
	else if (!strcmp(f->check, "rcu-walked-add"))
		sb_addf(sb, ": fix RCU list insertion in %s(): publish with the _rcu variant", func);
	else if (!strcmp(f->check, "rcu-nulls"))
		sb_addf(sb, ": fix RCU lookup race: make %s::%s an hlist_nulls",
			finding_fix_value(f, "sname"), finding_fix_value(f, "member"));
	else if (!strcmp(f->check, "teardown-race") && more_entries(f))
		sb_addf(sb, ": fix use after free in %s() and %d more entry point%s during device teardown",
			func, more_entries(f), more_entries(f) == 1 ? "" : "s");
	else if (!strcmp(f->check, "teardown-race"))
		sb_addf(sb, ": fix use after free in %s() during device teardown", func);
	else
		sb_addf(sb, ": fix %s in %s()", f->check, func_short_name(func));
}

/* Wrap @text at 72 columns, as commit messages are. */
static void wrap(FILE *out, const char *text)
{
	const char *s = text;
	int col = 0;

	while (*s) {
		const char *end = strchr(s, ' ');
		int len = end ? end - s : (int)strlen(s);

		if (col && col + 1 + len > 72) {
			fputc('\n', out);
			col = 0;
		} else if (col) {
			fputc(' ', out);
			col++;
		}
		fprintf(out, "%.*s", len, s);
		col += len;
		s += len;
		while (*s == ' ')
			s++;
	}
	fputc('\n', out);
}

/* What the patch does, for the checks whose subject cannot say it all. */
static void what_it_does(FILE *out, const struct finding *f)
{
	const char *lock = finding_fix_value(f, "lock");
	const char *held = finding_fix_value(f, "held");
	const char *dominant = finding_fix_value(f, "dominant");
	struct strbuf sb = STRBUF_INIT;
	int n;

	if (strcmp(f->check, "lock-order") || !lock || !held || !dominant)
		return;
	n = atoi(dominant);
	sb_addf(&sb, "%s() is the one site that takes '%s' while holding '%s'; "
		"%d other%s take%s them the other way round. Take '%s' first here too, "
		"and release it after '%s' on every exit.",
		finding_fix_value(f, "func"), lock, held, n, n == 1 ? "" : "s",
		n == 1 ? "s" : "", lock, held);
	wrap(out, sb_str(&sb));
	fputc('\n', out);
	sb_release(&sb);
}

struct stat_file {
	char *name;
	int add, del;
};

static void diffstat(FILE *out, FILE *diff)
{
	struct stat_file *files = NULL;
	int nfiles = 0, width = 0, adds = 0, dels = 0, i, j;
	char line[4096];

	while (fgets(line, sizeof(line), diff)) {
		if (!strncmp(line, "diff --git a/", 13)) {
			char *sp = strchr(line + 13, ' ');

			files = ls_xrealloc(files, (nfiles + 1) * sizeof(*files));
			files[nfiles].name = ls_xstrdup(line + 13);
			if (sp)
				files[nfiles].name[sp - line - 13] = '\0';
			files[nfiles].add = files[nfiles].del = 0;
			nfiles++;
		} else if (nfiles && line[0] == '+' && strncmp(line, "+++ ", 4)) {
			files[nfiles - 1].add++;
		} else if (nfiles && line[0] == '-' && strncmp(line, "--- ", 4)) {
			files[nfiles - 1].del++;
		}
	}
	for (i = 0; i < nfiles; i++)
		if ((int)strlen(files[i].name) > width)
			width = strlen(files[i].name);
	for (i = 0; i < nfiles; i++) {
		fprintf(out, " %-*s | %d ", width, files[i].name,
			files[i].add + files[i].del);
		for (j = 0; j < files[i].add && j < 50; j++)
			fputc('+', out);
		for (j = 0; j < files[i].del && j < 50; j++)
			fputc('-', out);
		fputc('\n', out);
		adds += files[i].add;
		dels += files[i].del;
		free(files[i].name);
	}
	fprintf(out, " %d file%s changed", nfiles, nfiles == 1 ? "" : "s");
	if (adds)
		fprintf(out, ", %d insertion%s(+)", adds, adds == 1 ? "" : "s");
	if (dels)
		fprintf(out, ", %d deletion%s(-)", dels, dels == 1 ? "" : "s");
	fprintf(out, "\n\n");
	free(files);
}

/*
 * What the rule says about its choices (rcu-nulls: the nulls values)
 * comes before the diff, a paragraph a line: more of the body, wrapped.
 */
static void rationale(FILE *out, FILE *diff)
{
	char line[4096];

	while (fgets(line, sizeof(line), diff) && strncmp(line, "diff --git ", 11)) {
		line[strcspn(line, "\n")] = '\0';
		if (!line[0])
			continue;
		fputc('\n', out);
		wrap(out, line);
	}
	rewind(diff);
}

int fix_write_patch(FILE *out, const struct finding *f, const char *diff_path,
		    const char *rule)
{
	struct strbuf sb = STRBUF_INIT;
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t now = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	char date[64], line[4096];
	FILE *diff = fopen(diff_path, "r");
	const char *in_diff;
	int i;

	if (!diff)
		return -1;
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", gmtime(&now));
	subject(&sb, f);
	fprintf(out, "From %s000000000000000000000000 Mon Sep 17 00:00:00 2001\n"
		"From: lockscope <lockscope@localhost>\nDate: %s\n"
		"Subject: [PATCH] %s\n\n", f->id, date, sb_str(&sb));
	sb_release(&sb);
	wrap(out, f->msg);
	fprintf(out, "\n");
	what_it_does(out, f);
	for (i = 0; i < f->nnotes; i++) {
		const struct note *n = &f->notes[i];

		fprintf(out, "  %s:%d: %s\n", n->file, n->line, n->msg);
	}
	rationale(out, diff);
	fprintf(out, "\nFound by lockscope (%s, finding %s); the change is made\n"
		"by rules/cocci/%s.cocci.\n---\n", f->check, f->id, rule);
	diffstat(out, diff);
	rewind(diff);
	/* the diff itself: from its first "diff --git" line */
	while ((in_diff = fgets(line, sizeof(line), diff)) && strncmp(line, "diff --git ", 11))
		;
	while (in_diff) {
		fputs(line, out);
		in_diff = fgets(line, sizeof(line), diff);
	}
	fprintf(out, "-- \nlockscope %s\n\n", LOCKSCOPE_VERSION);
	fclose(diff);
	return 0;
}
