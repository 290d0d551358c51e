// SPDX-License-Identifier: MIT
/*
 * One bug, one finding.  A call made with locks held can be blamed by
 * several checks at once: callback-under-lock once per held lock it takes
 * again, wait-under-lock for a wait on a callback that takes it,
 * sleep-in-atomic when the call may sleep, lock-order for each cycle the
 * call closes, and one finding per call site when a locked section makes
 * the same call twice.  One fix
 * (the call moved out of the section) ends them all, so they are shown as
 * one finding: the most severe, with the others as notes.  The group is
 * new to a series when any of its ids is (findings_drop_baseline()).
 */
#include <stdlib.h>
#include <string.h>

#include "lockscope/findings.h"
#include "lockscope/program.h"
#include "lockscope/strbuf.h"

void finding_site(struct finding *f, const char *file, int line, int col)
{
	struct site *s;

	f->sites = ls_xrealloc(f->sites, (f->nsites + 1) * sizeof(*f->sites));
	s = &f->sites[f->nsites++];
	s->file = file;
	s->line = line;
	s->col = col;
}

static int *parent;

static int root(int i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

static void join(int a, int b)
{
	a = root(a);
	b = root(b);
	if (a != b)
		parent[b] = a;
}

struct blamed {
	const struct site *site;
	int finding;
};

static int site_cmp(const struct site *a, const struct site *b)
{
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line - b->line;
	return a->col - b->col;
}

static int by_site(const void *a, const void *b)
{
	const struct blamed *x = a, *y = b;
	int c = site_cmp(x->site, y->site);

	return c ? c : x->finding - y->finding;
}

/* The checks whose finding is "this call, under this lock": one fix each. */
static bool owns_calls(const struct finding *f)
{
	return !strcmp(f->check, "callback-under-lock") ||
	       !strcmp(f->check, "wait-under-lock");
}

/* The findings blaming a call that a callback- or wait-under-lock finding blames. */
static void join_by_site(int n)
{
	struct blamed *all = NULL;
	int nall = 0, i, j, k;

	for (i = 0; i < n; i++) {
		struct finding *f = findings_get(i);

		all = ls_xrealloc(all, (nall + f->nsites + 1) * sizeof(*all));
		for (j = 0; j < f->nsites; j++) {
			all[nall].site = &f->sites[j];
			all[nall++].finding = i;
		}
	}
	if (nall)
		qsort(all, nall, sizeof(*all), by_site);
	for (i = 0; i < nall; i = j) {
		int owner = -1;

		for (j = i; j < nall && !site_cmp(all[i].site, all[j].site); j++)
			if (owner < 0 && owns_calls(findings_get(all[j].finding)))
				owner = all[j].finding;
		if (owner >= 0)
			for (k = i; k < j; k++)
				join(owner, all[k].finding);
	}
	free(all);
}

static int by_id(const void *a, const void *b)
{
	const struct finding *x = findings_get(*(const int *)a);
	const struct finding *y = findings_get(*(const int *)b);
	int c = strcmp(x->id, y->id);

	return c ? c : *(const int *)a - *(const int *)b;
}

/* One id: the same call made at several places of one locked section. */
static void join_by_id(int n)
{
	int *order = ls_xmalloc(n * sizeof(*order)), i;

	for (i = 0; i < n; i++)
		order[i] = i;
	qsort(order, n, sizeof(*order), by_id);
	for (i = 1; i < n; i++)
		if (!strcmp(findings_get(order[i - 1])->id, findings_get(order[i])->id))
			join(order[i - 1], order[i]);
	free(order);
}

/* Which finding of a group is shown: errors, then callback-under-lock. */
static int shown_first(const void *a, const void *b)
{
	const struct finding *x = *(const struct finding *const *)a;
	const struct finding *y = *(const struct finding *const *)b;
	int c = strcmp(x->severity, y->severity);	/* "error" < "warning" */

	if (c)
		return c;
	if (owns_calls(x) != owns_calls(y))
		return owns_calls(x) ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	c = strcmp(x->id, y->id);
	if (c)
		return c;
	c = strcmp(x->file, y->file);
	return c ? c : x->line - y->line;
}

/*
 * The notes of the finding shown for a group, by hash: it collects the
 * notes of all the group's findings, and scanning them for each note
 * folded in was quadratic, 0.6 s at the end of a kernel-sized report.
 */
static struct {
	unsigned int *slot;	/* note index + 1 */
	unsigned int nslots, n;
	const struct finding *of;
} shown_notes;

static unsigned int note_hash(const struct note *n)
{
	return strtab_hash(n->msg, strlen(n->msg)) ^ strtab_hash(n->file, strlen(n->file)) ^
	       (unsigned int)n->line * 0x9e3779b1u ^ (unsigned int)n->col * 0x85ebca6bu;
}

static bool same_note(const struct note *a, const struct note *b)
{
	return a->line == b->line && a->col == b->col && !strcmp(a->file, b->file) &&
	       !strcmp(a->msg, b->msg);
}

static void note_put(const struct finding *f, int i)
{
	unsigned int h = note_hash(&f->notes[i]) & (shown_notes.nslots - 1);

	while (shown_notes.slot[h])
		h = (h + 1) & (shown_notes.nslots - 1);
	shown_notes.slot[h] = i + 1;
	shown_notes.n++;
}

/* Hash the notes of @f that are not yet: all of them for a new @f. */
static void hash_notes(const struct finding *f)
{
	unsigned int i = shown_notes.of == f ? shown_notes.n : 0;
	bool small = !shown_notes.nslots || 2 * (unsigned int)f->nnotes > shown_notes.nslots;

	if (shown_notes.of != f || small) {
		if (small) {
			while (!shown_notes.nslots || 2 * (unsigned int)f->nnotes > shown_notes.nslots)
				shown_notes.nslots = shown_notes.nslots ? 2 * shown_notes.nslots : 64;
			free(shown_notes.slot);
			shown_notes.slot = ls_xmalloc(shown_notes.nslots * sizeof(*shown_notes.slot));
		}
		memset(shown_notes.slot, 0, shown_notes.nslots * sizeof(*shown_notes.slot));
		shown_notes.of = f;
		shown_notes.n = i = 0;
	}
	for (; i < (unsigned int)f->nnotes; i++)
		note_put(f, i);
}

static bool has_note(const struct finding *f, const struct note *n)
{
	unsigned int h;

	hash_notes(f);
	for (h = note_hash(n) & (shown_notes.nslots - 1); shown_notes.slot[h];
	     h = (h + 1) & (shown_notes.nslots - 1))
		if (same_note(&f->notes[shown_notes.slot[h] - 1], n))
			return true;
	return false;
}

static void fold(struct finding *shown, struct finding *f)
{
	int i, nnotes = f->nnotes;

	f->group = shown;
	shown->also = ls_xrealloc(shown->also, (shown->nalso + 1) * sizeof(*shown->also));
	shown->also[shown->nalso++] = f;
	if (!strcmp(f->id, shown->id) && f->line == shown->line && f->col == shown->col &&
	    !strcmp(f->file, shown->file))
		;	/* one call inlined twice at one place */
	else if (!strcmp(f->id, shown->id))
		finding_note(shown, f->file, f->line, f->col, owns_calls(f) ?
			     "the same call again here" : "the same finding again here");
	else
		finding_note(shown, f->file, f->line, f->col, "the same bug, also: %s [lockscope/%s]",
			     f->msg, f->check);
	for (i = 0; i < nnotes; i++)
		if (!has_note(shown, &f->notes[i]))
			finding_note(shown, f->notes[i].file, f->notes[i].line,
				     f->notes[i].col, "%s", f->notes[i].msg);
}

static int by_root(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return root(x) != root(y) ? root(x) - root(y) : x - y;
}

void findings_group(void)
{
	int n = findings_count(), i, j, k, *order;
	struct finding **members;

	if (n < 2)
		return;
	parent = ls_xmalloc(n * sizeof(*parent));
	order = ls_xmalloc(n * sizeof(*order));
	members = ls_xmalloc(n * sizeof(*members));
	for (i = 0; i < n; i++)
		parent[i] = order[i] = i;
	join_by_id(n);
	join_by_site(n);
	qsort(order, n, sizeof(*order), by_root);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && root(order[j]) == root(order[i]); j++)
			members[j - i] = findings_get(order[j]);
		if (j - i < 2)
			continue;
		qsort(members, j - i, sizeof(*members), shown_first);
		for (k = 1; k < j - i; k++)
			fold(members[0], members[k]);
	}
	free(members);
	free(order);
	free(parent);
	parent = NULL;
	free(shown_notes.slot);
	memset(&shown_notes, 0, sizeof(shown_notes));
}
