// SPDX-License-Identifier: MIT
/*
 * Whole-tree findings and their three forms: sparse/gcc text, JSON, and
 * SARIF 2.1.0 for code-scanning UIs.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/findings.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"

struct finding_list {
	struct finding **items;
	int n, a;
};

/*
 * The findings: the main thread's list, or a thread's own while a check
 * runs beside the others (findings_divert()).
 */
static struct finding_list main_list;
static __thread struct finding_list *diverted;

static char *vformat(const char *fmt, va_list ap)
{
	va_list copy;
	int len;
	char *s;

	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	s = ls_xmalloc(len + 1);
	vsnprintf(s, len + 1, fmt, ap);
	return s;
}

static void make_id(char *id, const char *check, const char *key)
{
	uint64_t h = 14695981039346656037ull;
	const char *parts[2] = { check, key };
	int i;

	for (i = 0; i < 2; i++) {
		const char *s;

		for (s = parts[i]; *s; s++)
			h = (h ^ (unsigned char)*s) * 1099511628211ull;
		h = (h ^ 0xff) * 1099511628211ull;
	}
	snprintf(id, 17, "%016llx", (unsigned long long)h);
}

static void list_add(struct finding_list *list, struct finding *f)
{
	if (list->n == list->a) {
		list->a = list->a ? list->a * 2 : 16;
		list->items = ls_xrealloc(list->items, list->a * sizeof(*list->items));
	}
	list->items[list->n++] = f;
}

struct finding *finding_add(const char *check, const char *severity,
			    const char *key, const char *file, int line, int col,
			    const char *fmt, ...)
{
	struct finding *f = ls_xcalloc(1, sizeof(*f));
	va_list ap;

	f->check = check;
	f->severity = severity;
	f->file = file;
	f->line = line;
	f->col = col;
	make_id(f->id, check, key);
	va_start(ap, fmt);
	f->msg = vformat(fmt, ap);
	va_end(ap);
	list_add(diverted ? diverted : &main_list, f);
	return f;
}

struct finding_list *findings_divert(void)
{
	diverted = ls_xcalloc(1, sizeof(*diverted));
	return diverted;
}

void findings_splice(struct finding_list *list, int at)
{
	struct finding **items;
	int i, after = main_list.n - at;

	for (i = 0; i < list->n; i++)
		list_add(&main_list, NULL);
	items = main_list.items;
	if (list->n)
		memmove(items + at + list->n, items + at, after * sizeof(*items));
	for (i = 0; i < list->n; i++)
		items[at + i] = list->items[i];
	free(list->items);
	free(list);
}

int findings_here(void)
{
	return (diverted ? diverted : &main_list)->n;
}

struct run {
	int key, start, end;
};

static int by_key(const void *a, const void *b)
{
	const struct run *x = a, *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

void findings_order_runs(int from, const int *ends, const int *keys, int nruns)
{
	struct finding_list *list = diverted ? diverted : &main_list;
	struct run *runs;
	struct finding **was;
	int i, at = from, n = list->n - from;

	if (!nruns)
		return;
	runs = ls_xmalloc(nruns * sizeof(*runs));
	for (i = 0; i < nruns; i++) {
		runs[i] = (struct run){ keys[i], at, ends[i] };
		at = ends[i];
	}
	qsort(runs, nruns, sizeof(*runs), by_key);
	was = ls_xmalloc(n * sizeof(*was));
	memcpy(was, list->items + from, n * sizeof(*was));
	at = from;
	for (i = 0; i < nruns; i++) {
		memcpy(list->items + at, was + runs[i].start - from,
		       (runs[i].end - runs[i].start) * sizeof(*was));
		at += runs[i].end - runs[i].start;
	}
	free(was);
	free(runs);
}

void finding_note(struct finding *f, const char *file, int line, int col,
		  const char *fmt, ...)
{
	struct note *n;
	va_list ap;

	f->notes = ls_xrealloc(f->notes, (f->nnotes + 1) * sizeof(*f->notes));
	n = &f->notes[f->nnotes++];
	n->file = file;
	n->line = line;
	n->col = col;
	va_start(ap, fmt);
	n->msg = vformat(fmt, ap);
	va_end(ap);
}

void finding_fix(struct finding *f, const char *key, const char *fmt, ...)
{
	struct fix_arg *a;
	va_list ap;

	f->fix = ls_xrealloc(f->fix, (f->nfix + 1) * sizeof(*f->fix));
	a = &f->fix[f->nfix++];
	a->key = key;
	va_start(ap, fmt);
	a->value = vformat(fmt, ap);
	va_end(ap);
}

const char *finding_fix_value(const struct finding *f, const char *key)
{
	int i;

	for (i = 0; i < f->nfix; i++)
		if (!strcmp(f->fix[i].key, key))
			return f->fix[i].value;
	return NULL;
}

int findings_count(void)
{
	return main_list.n;
}

struct finding *findings_get(int i)
{
	return main_list.items[i];
}

static int by_place(const void *a, const void *b)
{
	const struct finding *x = *(const struct finding *const *)a;
	const struct finding *y = *(const struct finding *const *)b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line - y->line;
	return strcmp(x->id, y->id);
}

/*
 * The characters between escapes go out as one run: a kernel-sized
 * report writes tens of megabytes of strings, and a locked fputc() a
 * character was most of its output's time.
 */
static void json_string(FILE *out, const char *s)
{
	const char *run = s;

	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c != '"' && c != '\\' && c >= 0x20)
			continue;
		fwrite(run, 1, s - run, out);
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else
			fprintf(out, "\\u%04x", c);
		run = s + 1;
	}
	fwrite(run, 1, s - run, out);
	fputc('"', out);
}

static void print_text(FILE *out, const struct finding *f)
{
	int i;

	fprintf(out, "%s:%d:%d: %s: %s [lockscope/%s]\n", f->file, f->line, f->col,
		f->severity, f->msg, f->check);
	for (i = 0; i < f->nnotes; i++) {
		const struct note *n = &f->notes[i];

		if (n->col > 0)
			fprintf(out, "%s:%d:%d: note: %s\n", n->file, n->line, n->col, n->msg);
		else
			fprintf(out, "%s:%d: note: %s\n", n->file, n->line, n->msg);
	}
}

static void print_json(FILE *out, const struct finding *f, bool first)
{
	int i;

	fprintf(out, "%s\n  {\"id\": \"%s\", \"check\": ", first ? "" : ",", f->id);
	json_string(out, f->check);
	fprintf(out, ", \"severity\": \"%s\", \"file\": ", f->severity);
	json_string(out, f->file);
	fprintf(out, ", \"line\": %d, \"column\": %d, \"message\": ", f->line, f->col);
	json_string(out, f->msg);
	fprintf(out, ", \"notes\": [");
	for (i = 0; i < f->nnotes; i++) {
		fprintf(out, "%s\n    {\"file\": ", i ? "," : "");
		json_string(out, f->notes[i].file);
		fprintf(out, ", \"line\": %d, \"column\": %d, \"message\": ",
			f->notes[i].line, f->notes[i].col);
		json_string(out, f->notes[i].msg);
		fputc('}', out);
	}
	fprintf(out, "%s]", f->nnotes ? "\n  " : "");
	for (i = 0; i < f->nfix; i++) {
		fprintf(out, "%s", i ? ", " : ", \"fix\": {");
		json_string(out, f->fix[i].key);
		fprintf(out, ": ");
		json_string(out, f->fix[i].value);
	}
	if (f->nfix)
		fputc('}', out);
	for (i = 0; i < f->nalso; i++)
		fprintf(out, "%s\"%s\"", i ? ", " : ", \"also\": [", f->also[i]->id);
	if (f->nalso)
		fputc(']', out);
	if (f->touched) {
		fprintf(out, ", \"touched\": ");
		json_string(out, f->touched);
	}
	fputc('}', out);
}

/* "ID CHECK", then the other ids of its group, each once. */
static void print_ids(FILE *out, const struct finding *f)
{
	int i, j;

	fprintf(out, "%s %s", f->id, f->check);
	for (i = 0; i < f->nalso; i++) {
		const char *id = f->also[i]->id;

		for (j = 0; j < i && strcmp(f->also[j]->id, id); j++)
			;
		if (j == i && strcmp(id, f->id))
			fprintf(out, " %s", id);
	}
	fputc('\n', out);
}

/* Markdown table cells: no newlines, no bare pipes. */
static void md_cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", out);
		else if (*s == '\n')
			fputc(' ', out);
		else
			fputc(*s, out);
	}
}

/* A review comment: one table row per finding, its chain folded below. */
static void print_markdown(FILE *out, struct finding **list, int n)
{
	int i;

	if (!n)
		return;
	fprintf(out, "| | check | where | finding | touched by the series |\n"
		"|---|---|---|---|---|\n");
	for (i = 0; i < n; i++) {
		const struct finding *f = list[i];

		fprintf(out, "| %s | `%s` | `%s:%d` | ", f->severity, f->check, f->file, f->line);
		md_cell(out, f->msg);
		fprintf(out, " | %s |\n", f->touched ? f->touched : "no");
	}
	for (i = 0; i < n; i++) {
		fprintf(out, "\n<details><summary><code>%s</code> %s at %s:%d</summary>\n\n```\n",
			list[i]->id, list[i]->check, list[i]->file, list[i]->line);
		print_text(out, list[i]);
		fprintf(out, "```\n</details>\n");
	}
}

static void sarif_location(FILE *out, const char *file, int line, int col,
			   const char *msg)
{
	fprintf(out, "{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
	json_string(out, file);
	fprintf(out, ", \"uriBaseId\": \"SRCROOT\"}, \"region\": {\"startLine\": %d, "
		"\"startColumn\": %d}}", line > 0 ? line : 1, col > 0 ? col : 1);
	if (msg) {
		fprintf(out, ", \"message\": {\"text\": ");
		json_string(out, msg);
		fputc('}', out);
	}
	fputc('}', out);
}

static const char *const rule_help[][2] = {
	{ "callback-under-lock", "A call made while holding a lock reaches an acquisition of the same lock" },
	{ "wait-under-lock", "A wait for a callback (timer, work, IRQ, sysfs, RCU grace period) made while holding a lock the callback takes" },
	{ "lock-order", "Locks acquired in an order that forms a cycle: possible deadlock" },
	{ "rcu-nulls", "Objects reused without a grace period are linked into a plain RCU hash chain beside an hlist_nulls one" },
	{ "rcu-walked-add", "A plain list insertion into a list that RCU readers walk" },
	{ "irq-inversion", "A lock taken in interrupt context and elsewhere with that interrupt enabled" },
	{ "sleep-in-atomic", "A call that may sleep reached in atomic context" },
	{ NULL, NULL },
};

static void print_sarif(FILE *out, struct finding **list, int n)
{
	int i, j;

	fprintf(out, "{\n\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
		"\"version\": \"2.1.0\",\n\"runs\": [{\n\"tool\": {\"driver\": {"
		"\"name\": \"lockscope\", \"version\": \"%s\", "
		"\"informationUri\": \"https://example.invalid/lockscope\", \"rules\": [",
		LOCKSCOPE_VERSION);
	for (i = 0; rule_help[i][0]; i++) {
		fprintf(out, "%s\n  {\"id\": \"lockscope/%s\", \"shortDescription\": {\"text\": ",
			i ? "," : "", rule_help[i][0]);
		json_string(out, rule_help[i][1]);
		fprintf(out, "}}");
	}
	fprintf(out, "]}},\n\"results\": [");
	for (i = 0; i < n; i++) {
		const struct finding *f = list[i];

		fprintf(out, "%s\n {\"ruleId\": \"lockscope/%s\", \"level\": \"%s\", "
			"\"message\": {\"text\": ", i ? "," : "", f->check,
			f->severity);
		json_string(out, f->msg);
		fprintf(out, "},\n  \"locations\": [");
		sarif_location(out, f->file, f->line, f->col, NULL);
		fprintf(out, "],\n  \"partialFingerprints\": {\"lockscope/v1\": \"%s\"}", f->id);
		if (f->touched) {
			fprintf(out, ",\n  \"properties\": {\"touchedBySeries\": ");
			json_string(out, f->touched);
			fputc('}', out);
		}
		if (f->nnotes) {
			fprintf(out, ",\n  \"relatedLocations\": [");
			for (j = 0; j < f->nnotes; j++) {
				fprintf(out, "%s\n   ", j ? "," : "");
				sarif_location(out, f->notes[j].file, f->notes[j].line,
					       f->notes[j].col, f->notes[j].msg);
			}
			fprintf(out, "]");
		}
		fprintf(out, "}");
	}
	fprintf(out, "]\n}]\n}\n");
}

struct finding **findings_list(int *np)
{
	struct finding **list = ls_xmalloc((main_list.n + 1) * sizeof(*list));
	/* ids kept, interned: 22,000 findings compared pairwise took 3 s */
	struct ptrtab kept = { 0 };
	int n = 0, i;

	if (main_list.n)
		qsort(main_list.items, main_list.n, sizeof(*main_list.items), by_place);
	for (i = 0; i < main_list.n; i++) {
		struct finding *f = main_list.items[i];
		const char *id;

		if (f->dropped || f->group)
			continue;
		id = strtab_intern(f->id);
		if (ptrtab_get(&kept, id))
			continue;
		ptrtab_put(&kept, id, f);
		list[n++] = f;
	}
	ptrtab_clear(&kept);
	*np = n;
	return list;
}

int findings_print(FILE *out, enum output_format format)
{
	int n, i;
	struct finding **list = findings_list(&n);

	if (format == OUT_SARIF) {
		print_sarif(out, list, n);
	} else if (format == OUT_MARKDOWN) {
		print_markdown(out, list, n);
	} else if (format == OUT_IDS) {
		for (i = 0; i < n; i++)
			print_ids(out, list[i]);
	} else if (format == OUT_JSON) {
		fprintf(out, "[");
		for (i = 0; i < n; i++)
			print_json(out, list[i], i == 0);
		fprintf(out, "%s]\n", n ? "\n" : "");
	} else {
		for (i = 0; i < n; i++)
			print_text(out, list[i]);
	}
	free(list);
	return n;
}
