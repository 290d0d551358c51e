// SPDX-License-Identifier: MIT
/*
 * Loading the facts of a whole tree.  A file that is not lockscope's, is
 * of another version, is truncated or malformed is named on stderr and
 * skipped whole: one bad file never takes the report down, and never
 * contributes half its records.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lockscope/diag.h"
#include "lockscope/facts.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/waits.h"

static struct ptrtab functions;	/* interned name -> struct func */
static struct ptrtab bindings;	/* interned field -> struct binding */
static struct ptrtab object_bindings;	/* "&obj#field" -> struct binding */
static struct ptrtab recyclables;	/* interned type -> struct recyclable */

const struct recyclable *program_recyclable(const char *type)
{
	return ptrtab_get(&recyclables, type);
}

struct func *program_function(const char *name)
{
	return ptrtab_get(&functions, strtab_intern(name));
}

struct binding *program_binding(const char *field)
{
	return ptrtab_get(&bindings, strtab_intern(field));
}

void program_for_each_binding(void (*fn)(struct binding *b, void *data), void *data)
{
	size_t i;

	for (i = 0; i < bindings.size; i++)
		if (bindings.keys[i])
			fn(bindings.values[i], data);
}

static void *ls_xmemdup(const void *p, size_t size)
{
	void *copy = ls_xmalloc(size);

	memcpy(copy, p, size);
	return copy;
}

static const char *object_key(const char *object, const char *field)
{
	struct strbuf key = STRBUF_INIT;
	const char *k;

	sb_addf(&key, "%s#%s", object, field);
	k = strtab_intern(sb_str(&key));
	sb_release(&key);
	return k;
}

struct binding *program_object_binding(const char *object, const char *field)
{
	return ptrtab_get(&object_bindings, object_key(object, field));
}

#define GROW(arr, n, alloc) do {					\
	if ((n) == (alloc)) {						\
		(alloc) = (alloc) ? (alloc) * 2 : 4;			\
		(arr) = ls_xrealloc((arr), (alloc) * sizeof(*(arr)));	\
	}								\
} while (0)

/* One file being parsed: its records go live only if all of it parses. */
struct parse {
	const char *path;
	int line;
	const char *tu;
	int nfuncs, afuncs;
	struct func **funcs;		/* by fid - 1 */
	struct callsite *call;		/* the record a/g/h lines belong to */
	struct acquisition *acq;
	int nbinds, abinds;
	const char **binds;		/* field, function pairs */
	int ntypes;
	struct recyclable *types;
	const char *error;
};

/* Bindings go live with the rest of the file: field, function, object. */
static void add_bind(struct parse *ps, const char *field, const char *fn,
		     const char *object)
{
	if (ps->nbinds + 3 > ps->abinds) {
		ps->abinds = ps->abinds ? ps->abinds * 2 : 48;
		ps->binds = ls_xrealloc(ps->binds, ps->abinds * sizeof(*ps->binds));
	}
	ps->binds[ps->nbinds++] = field;
	ps->binds[ps->nbinds++] = fn;
	ps->binds[ps->nbinds++] = object;
}

static void bind_into(struct ptrtab *table, const char *key, const char *field,
		      const char *fn)
{
	struct binding *b = ptrtab_get(table, key);
	int j;

	if (!b) {
		b = ls_xcalloc(1, sizeof(*b));
		b->field = field;
		ptrtab_put(table, key, b);
	}
	/* a few are searched, many hashed: some fields have thousands */
	if (b->seen) {
		if (ptrtab_get(b->seen, fn))
			return;
	} else {
		for (j = 0; j < b->nfns && b->fns[j] != fn; j++)
			;
		if (j < b->nfns)
			return;
	}
	GROW(b->fns, b->nfns, b->afns);
	b->fns[b->nfns++] = fn;
	if (!b->seen && b->nfns > 16) {
		b->seen = ls_xcalloc(1, sizeof(*b->seen));
		for (j = 0; j < b->nfns; j++)
			ptrtab_put(b->seen, b->fns[j], (void *)b->fns[j]);
	} else if (b->seen) {
		ptrtab_put(b->seen, fn, (void *)fn);
	}
}

static int split(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line;

	while (n < max) {
		fields[n++] = p;
		p = strchr(p, '\t');
		if (!p)
			break;
		*p++ = '\0';
	}
	return p ? -1 : n;
}

static bool number(const char *s, long long *v)
{
	char *end;

	errno = 0;
	*v = strtoll(s, &end, 10);
	return *s && !*end && !errno;
}

static struct func *fn_by_id(struct parse *ps, const char *s)
{
	long long id;

	if (!number(s, &id) || id < 1 || id > ps->nfuncs) {
		ps->error = "unknown function number";
		return NULL;
	}
	return ps->funcs[id - 1];
}

static bool parse_guard(struct parse *ps, char **f, int n, struct pguard **list, int *count)
{
	static const char *const ops[] = { "any", "in", "notin", "never" };
	struct pguard g = { 0 };
	long long v;
	char *p, *save = NULL;
	int i;

	if (n != 4 || !number(f[1], &v) || v < 0 || v >= GUARD_MAX_PARAMS)
		return false;
	g.param = v;
	for (i = 0; i < 4 && strcmp(f[2], ops[i]); i++)
		;
	if (i == 4)
		return false;
	g.g.op = i;
	for (p = strtok_r(f[3], ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		if (!number(p, &v) || g.g.n == GUARD_MAX_VALUES)
			return false;
		g.g.vals[g.g.n++] = v;
	}
	*list = ls_xrealloc(*list, (*count + 1) * sizeof(**list));
	(*list)[(*count)++] = g;
	(void)ps;
	return true;
}

static bool parse_held(char **f, int n, struct held_lock **list, int *count)
{
	struct held_lock h;
	long long v;

	if (n != 7 || !number(f[3], &v))
		return false;
	h.kind = strtab_intern(f[1]);
	h.mode = strtab_intern(f[2]);
	h.line = v;
	h.klass = strtab_intern(f[4]);
	h.inst = strcmp(f[5], "-") ? strtab_intern(f[5]) : NULL;
	h.shown = strtab_intern(f[6]);
	*list = ls_xrealloc(*list, (*count + 1) * sizeof(**list));
	(*list)[(*count)++] = h;
	return true;
}

static bool parse_record(struct parse *ps, char *line)
{
	char *f[16];
	int n = split(line, f, 16);
	long long a, b, c;
	struct func *fn;

	if (n < 1)
		return false;
	if (!strcmp(f[0], "F")) {
		if (n != 4 || !number(f[1], &a) || a != ps->nfuncs + 1 || !number(f[3], &b))
			return false;
		fn = ls_xcalloc(1, sizeof(*fn));
		fn->name = strtab_intern(f[2]);
		fn->file = ps->tu;
		fn->line = b;
		GROW(ps->funcs, ps->nfuncs, ps->afuncs);
		ps->funcs[ps->nfuncs++] = fn;
		ps->call = NULL;
		ps->acq = NULL;
		return true;
	}
	if (!strcmp(f[0], "C")) {
		struct callsite *cs;

		if (n != 7 || !(fn = fn_by_id(ps, f[1])) || !number(f[2], &a) ||
		    !number(f[3], &b) || strlen(f[4]) != 1 || !strchr("dfu", f[4][0]) ||
		    !number(f[6], &c) || c < 0 || c > 64)
			return false;
		GROW(fn->calls, fn->ncalls, fn->acalls);
		cs = &fn->calls[fn->ncalls++];
		memset(cs, 0, sizeof(*cs));
		cs->line = a;
		cs->col = b;
		cs->how = f[4][0];
		cs->callee = strtab_intern(f[5]);
		cs->nargs = c;
		cs->args = ls_xcalloc(c ? c : 1, sizeof(*cs->args));
		for (a = 0; a < c; a++)
			cs->args[a] = strtab_intern("-");
		ps->call = cs;
		ps->acq = NULL;
		return true;
	}
	if (!strcmp(f[0], "A")) {
		struct acquisition *aq;

		long long again;

		if (n != 12 || !(fn = fn_by_id(ps, f[1])) || !number(f[2], &a) ||
		    !number(f[3], &b) || !number(f[10], &c) || !number(f[11], &again))
			return false;
		GROW(fn->acqs, fn->nacqs, fn->aacqs);
		aq = &fn->acqs[fn->nacqs++];
		memset(aq, 0, sizeof(*aq));
		aq->line = a;
		aq->col = b;
		aq->kind = strtab_intern(f[4]);
		aq->mode = strtab_intern(f[5]);
		aq->trylock = !strcmp(f[6], "try");
		aq->klass = strtab_intern(f[7]);
		aq->inst = strcmp(f[8], "-") ? strtab_intern(f[8]) : NULL;
		aq->shown = strtab_intern(f[9]);
		aq->subclass = c;
		aq->again = again;
		ps->acq = aq;
		ps->call = NULL;
		return true;
	}
	if (!strcmp(f[0], "X") || !strcmp(f[0], "U")) {
		struct resource_site *rs;

		if (n != 6 || !(fn = fn_by_id(ps, f[1])) || !number(f[2], &a) ||
		    !number(f[3], &b))
			return false;
		if (f[0][0] == 'X') {
			GROW(fn->frees, fn->nfrees, fn->afrees);
			rs = &fn->frees[fn->nfrees++];
			rs->how = strtab_intern(f[4]);
			rs->klass = strtab_intern(f[5]);
		} else {
			GROW(fn->uses, fn->nuses, fn->auses);
			rs = &fn->uses[fn->nuses++];
			rs->klass = strtab_intern(f[4]);
			rs->how = strtab_intern(f[5]);
		}
		rs->line = a;
		rs->col = b;
		ps->call = NULL;
		ps->acq = NULL;
		return true;
	}
	if (!strcmp(f[0], "a")) {
		if (n != 3 || !ps->call || !number(f[1], &a) || a < 0 || a >= ps->call->nargs)
			return false;
		ps->call->args[a] = strtab_intern(f[2]);
		return true;
	}
	if (!strcmp(f[0], "g")) {
		if (ps->call)
			return parse_guard(ps, f, n, &ps->call->guards, &ps->call->nguards);
		if (ps->acq)
			return parse_guard(ps, f, n, &ps->acq->guards, &ps->acq->nguards);
		return false;
	}
	if (!strcmp(f[0], "r")) {
		if (n != 2 || !ps->call)
			return false;
		ps->call->released = ls_xrealloc(ps->call->released,
						 (ps->call->nreleased + 1) * sizeof(char *));
		ps->call->released[ps->call->nreleased++] = strtab_intern(f[1]);
		return true;
	}
	if (!strcmp(f[0], "h")) {
		if (ps->call)
			return parse_held(f, n, &ps->call->held, &ps->call->nheld);
		if (ps->acq)
			return parse_held(f, n, &ps->acq->held, &ps->acq->nheld);
		return false;
	}
	if (!strcmp(f[0], "I")) {
		if (n != 3 || !ps->acq)
			return false;
		if (!strcmp(f[1], "irq-off"))
			ps->acq->irq_off = true;
		else if (strcmp(f[1], "bh-off") && strcmp(f[1], "-"))
			return false;
		ps->acq->bh_off = strcmp(f[1], "-");
		ps->acq->sleeps = !strcmp(f[2], "sleeps");
		return true;
	}
	if (!strcmp(f[0], "R")) {
		const char *field;

		if (n != 4 || !number(f[2], &a))
			return false;
		/* rules/registrations.tab says which field the argument fills */
		field = registration_field(strtab_intern(f[1]), a);
		if (field)
			add_bind(ps, field, strtab_intern(f[3]), NULL);
		return true;
	}
	if (!strcmp(f[0], "T")) {
		struct recyclable *r;

		if (n != 4 || !number(f[2], &a))
			return false;
		ps->types = ls_xrealloc(ps->types, (ps->ntypes + 1) * sizeof(*ps->types));
		r = &ps->types[ps->ntypes++];
		r->type = strtab_intern(f[1]);
		r->file = ps->tu;
		r->line = a;
		r->source = strtab_intern(f[3]);
		return true;
	}
	if (!strcmp(f[0], "N")) {
		struct rcu_event *ev;
		long long k, cl, cc;

		if (n != 11 || !(fn = fn_by_id(ps, f[1])) || !number(f[2], &a) ||
		    !number(f[3], &b) || !number(f[6], &k) || !number(f[7], &cl) ||
		    !number(f[8], &cc))
			return false;
		GROW(fn->rcu, fn->nrcu, fn->arcu);
		ev = &fn->rcu[fn->nrcu++];
		memset(ev, 0, sizeof(*ev));
		ev->tag = 'N';
		ev->line = a;
		ev->col = b;
		ev->op = strtab_intern(f[4]);
		ev->node = strtab_intern(f[5]);
		ev->arg = k;
		ev->cline = cl;
		ev->ccol = cc;
		ev->obj = strtab_intern(f[9]);
		ev->shown = strtab_intern(f[10]);
		return true;
	}
	if (!strcmp(f[0], "W") || !strcmp(f[0], "P") || !strcmp(f[0], "L")) {
		bool walk = f[0][0] != 'L';
		struct rcu_event *ev;

		if (n != (walk ? 7 : 10) || !(fn = fn_by_id(ps, f[1])) ||
		    !number(f[2], &a) || !number(f[3], &b))
			return false;
		GROW(fn->rcu, fn->nrcu, fn->arcu);
		ev = &fn->rcu[fn->nrcu++];
		memset(ev, 0, sizeof(*ev));
		ev->tag = f[0][0];
		ev->line = a;
		ev->col = b;
		if (walk) {
			ev->link = strtab_intern(f[4]);
			ev->head = strtab_intern(f[5]);
			ev->shown = strtab_intern(f[6]);
		} else {
			ev->op = strtab_intern(f[4]);
			ev->link = strtab_intern(f[5]);
			ev->node = strtab_intern(f[6]);
			ev->obj = strtab_intern(f[7]);
			ev->head = strtab_intern(f[8]);
			ev->shown = strtab_intern(f[9]);
		}
		return true;
	}
	/* waits (waits.c): after a C record, a binding, a sysfs member */
	if (!strcmp(f[0], "Y"))
		return ps->call && wait_parse_Y(ps->call, f, n);
	if (!strcmp(f[0], "Z"))
		return (fn = fn_by_id(ps, f[1])) && wait_parse_Z(fn, f, n);
	if (!strcmp(f[0], "Q")) {
		if (n != 3)
			return false;
		add_bind(ps, strtab_intern(WAIT_CONTAINS), strtab_intern(f[2]),
			 strtab_intern(f[1]));
		return true;
	}
	if (!strcmp(f[0], "B")) {
		struct strbuf key = STRBUF_INIT;

		if (n != 5)
			return false;
		sb_addf(&key, "%s::%s", f[1], f[2]);
		add_bind(ps, strtab_intern(sb_str(&key)), strtab_intern(f[3]),
			 strcmp(f[4], "-") ? strtab_intern(f[4]) : NULL);
		sb_release(&key);
		return true;
	}
	return false;
}

static void commit(struct program *prog, struct parse *ps)
{
	int i;

	for (i = 0; i < ps->nfuncs; i++) {
		struct func *fn = ps->funcs[i], *old;

		/* the arrays grew by doubling: give the slack back */
		if (fn->ncalls < fn->acalls) {
			fn->acalls = fn->ncalls;
			fn->calls = ls_xrealloc(fn->calls, fn->acalls * sizeof(*fn->calls));
		}
		if (fn->nacqs < fn->aacqs) {
			fn->aacqs = fn->nacqs;
			fn->acqs = ls_xrealloc(fn->acqs, fn->aacqs * sizeof(*fn->acqs));
		}
		GROW(prog->funcs, prog->nfuncs, prog->afuncs);
		prog->funcs[prog->nfuncs++] = fn;
		old = ptrtab_get(&functions, fn->name);
		fn->next_same = old;
		ptrtab_put(&functions, fn->name, fn);
	}
	for (i = 0; i < ps->nbinds; i += 3) {
		const char *field = ps->binds[i], *fn = ps->binds[i + 1];

		bind_into(&bindings, field, field, fn);
		if (ps->binds[i + 2])
			bind_into(&object_bindings, object_key(ps->binds[i + 2], field),
				  field, fn);
	}
	for (i = 0; i < ps->ntypes; i++) {
		if (ptrtab_get(&recyclables, ps->types[i].type))
			continue;
		ptrtab_put(&recyclables, ps->types[i].type,
			   ls_xmemdup(&ps->types[i], sizeof(ps->types[i])));
	}
}

static void discard(struct parse *ps)
{
	int i, j;

	for (i = 0; i < ps->nfuncs; i++) {
		struct func *fn = ps->funcs[i];

		for (j = 0; j < fn->ncalls; j++) {
			free(fn->calls[j].args);
			free(fn->calls[j].guards);
			free(fn->calls[j].held);
			free(fn->calls[j].released);
		}
		for (j = 0; j < fn->nacqs; j++) {
			free(fn->acqs[j].guards);
			free(fn->acqs[j].held);
		}
		free(fn->calls);
		free(fn->acqs);
		free(fn->frees);
		free(fn->uses);
		free(fn->rcu);
		wait_discard(fn);
		free(fn);
	}
}

static void load_file(struct program *prog, const char *path)
{
	struct parse ps = { .path = path };
	char *line = NULL;
	size_t alloc = 0;
	ssize_t len;
	long long count = -1, version;
	int records = 0;
	bool ended = false;
	char *f[4];
	FILE *in = fopen(path, "r");

	if (!in) {
		fprintf(stderr, "lockscope: warning: %s: %s; skipped\n", path, strerror(errno));
		prog->nskipped++;
		return;
	}
	while ((len = getline(&line, &alloc, in)) > 0) {
		ps.line++;
		if (line[len - 1] != '\n') {
			ps.error = "truncated (no end of line)";
			break;
		}
		line[len - 1] = '\0';
		if (ended) {
			ps.error = "records after the end";
			break;
		}
		if (ps.line == 1) {
			if (split(line, f, 2) != 2 || strcmp(f[0], FACTS_MAGIC) ||
			    !number(f[1], &version)) {
				ps.error = "not a lockscope facts file";
				break;
			}
			if (version != FACTS_VERSION) {
				ps.error = "written by another version of lockscope (re-run the check)";
				break;
			}
			continue;
		}
		if (ps.line == 2) {
			if (split(line, f, 2) != 2 || strcmp(f[0], "tu")) {
				ps.error = "no translation unit";
				break;
			}
			ps.tu = strtab_intern(f[1]);
			records++;
			continue;
		}
		if (!strncmp(line, "end\t", 4)) {
			if (!number(line + 4, &count) || count != records + 1) {
				ps.error = "record count does not match: truncated or edited";
				break;
			}
			ended = true;
			continue;
		}
		records++;
		if (!parse_record(&ps, line)) {
			if (!ps.error)
				ps.error = "malformed record";
			break;
		}
	}
	if (!ps.error && !ended)
		ps.error = ps.line ? "truncated (no end record)" : "empty";
	fclose(in);
	free(line);
	if (ps.error) {
		fprintf(stderr, "lockscope: warning: %s:%d: %s; skipped\n",
			path, ps.line, ps.error);
		prog->nskipped++;
		discard(&ps);
	} else {
		commit(prog, &ps);
		prog->nfiles++;
	}
	free(ps.funcs);
	free(ps.binds);
	free(ps.types);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void walk(struct program *prog, const char *dir, int depth)
{
	struct strbuf path = STRBUF_INIT;
	char **names = NULL;
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
		GROW(names, n, a);
		names[n++] = ls_xstrdup(de->d_name);
	}
	closedir(d);
	/* a stable order, so that reports are the same run to run */
	if (n)
		qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		struct stat st;
		size_t len = strlen(names[i]);

		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir, names[i]);
		if (stat(sb_str(&path), &st))
			continue;
		if (S_ISDIR(st.st_mode) && depth < 64)
			walk(prog, sb_str(&path), depth + 1);
		else if (S_ISREG(st.st_mode) && len > 6 && !strcmp(names[i] + len - 6, ".facts"))
			load_file(prog, sb_str(&path));
		free(names[i]);
	}
	free(names);
	sb_release(&path);
}

void program_load(struct program *prog, const char *dir)
{
	walk(prog, dir, 0);
}
