// SPDX-License-Identifier: MIT
/*
 * Loading the facts of a whole tree.  A file that is not lockscope's, is
 * of another version, is truncated or malformed is named on stderr and
 * skipped whole: one bad file never takes the report down, and never
 * contributes half its records.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lockscope/arena.h"
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

struct func *program_function_named(const char *interned)
{
	return ptrtab_get(&functions, interned);
}

struct binding *program_binding(const char *field)
{
	return ptrtab_get(&bindings, strtab_intern(field));
}

struct binding *program_binding_named(const char *interned)
{
	return ptrtab_get(&bindings, interned);
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

/*
 * The functions and their calls: a kernel has millions, allocated in
 * bulk.  A bad file's go back to the mark taken before it.
 */
static struct arena records;
static const char *dash;		/* interned "-", the unknown argument */

/* One record's fields, split in place: each ends in '\0'. */
struct rec {
	int n;
	unsigned int hashed;		/* bit i: hash[i] is field i's strtab_hash() */
	char *f[16];
	size_t len[16];
	unsigned int hash[16];
};

/* One file being parsed: its records go live only if all of it parses. */
struct parse {
	const char *path;
	int line;
	const char *tu;
	int nfuncs, afuncs;
	struct func **funcs;		/* by fid - 1 */
	/*
	 * The file's calls in file order, each with its caller: they go to
	 * the functions, in exact-size arrays, once the file is read.
	 */
	int ncalls, acalls;
	struct callsite *calls;
	int *args_at;			/* each call's arguments in args[] */
	int nargs, aargs;
	const char **args;
	struct callsite *call;		/* the record a/g/h lines belong to */
	struct acquisition *acq;
	int nbinds, abinds;
	const char **binds;		/* field, function pairs */
	int ntypes;
	struct recyclable *types;
	const char *error;
	char error_text[96];		/* an error with numbers in it */
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

/* Split @line (up to @eol) at its tabs: the fields, or -1 if over @max. */
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

/* A decimal number, all of the field, as strtoll() reads it. */
/* A decimal long long, the whole range: guards compare with LLONG_MAX. */
static bool number(const char *s, long long *v)
{
	unsigned long long n = 0, limit = LLONG_MAX;
	bool neg;

	while (isspace((unsigned char)*s))
		s++;
	neg = *s == '-';
	s += neg || *s == '+';
	if (!*s)
		return false;
	limit += neg;
	for (; *s; s++) {
		unsigned int d = (unsigned char)*s - '0';

		if (d > 9 || n > (limit - d) / 10)
			return false;
		n = n * 10 + d;
	}
	*v = neg && n ? -(long long)(n - 1) - 1 : (long long)n;
	return true;
}

static const char *field(const struct rec *r, int i)
{
	if (r->hashed & 1u << i)
		return strtab_intern_hashed(r->f[i], r->len[i], r->hash[i]);
	return strtab_intern_len(r->f[i], r->len[i]);
}

static bool is_dash(const struct rec *r, int i)
{
	return r->len[i] == 1 && r->f[i][0] == '-';
}

static bool is(const struct rec *r, int i, const char *s)
{
	return !strcmp(r->f[i], s);
}

static struct func *fn_by_id(struct parse *ps, const struct rec *r)
{
	long long id;

	if (r->n < 2 || !number(r->f[1], &id) || id < 1 || id > ps->nfuncs) {
		ps->error = "unknown function number";
		return NULL;
	}
	return ps->funcs[id - 1];
}

static bool parse_guard(const struct rec *r, struct pguard **list, int *count)
{
	static const char *const ops[] = { "any", "in", "notin", "never" };
	struct pguard g = { 0 };
	long long v;
	char *p, *save = NULL;
	int i;

	if (r->n != 4 || !number(r->f[1], &v) || v < 0 || v >= GUARD_MAX_PARAMS)
		return false;
	g.param = v;
	for (i = 0; i < 4 && !is(r, 2, ops[i]); i++)
		;
	if (i == 4)
		return false;
	g.g.op = i;
	for (p = strtok_r(r->f[3], ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		if (!number(p, &v) || g.g.n == GUARD_MAX_VALUES)
			return false;
		g.g.vals[g.g.n++] = v;
	}
	*list = ls_xrealloc(*list, (*count + 1) * sizeof(**list));
	(*list)[(*count)++] = g;
	return true;
}

/* "g 9 bits-set 67108864": a flag test, kept for calls only. */
static bool parse_bits(struct parse *ps, const struct rec *r)
{
	struct callsite *cs = ps->call;
	struct bit_guard *b;
	long long p, v;
	int i;

	if (r->n != 4 || !number(r->f[1], &p) || p < 0 || p >= GUARD_MAX_BIT_PARAMS ||
	    !number(r->f[3], &v))
		return false;
	if (!cs)
		return true;
	for (i = 0; i < cs->nbits && cs->bits[i].param != p; i++)
		;
	if (i == cs->nbits) {
		if (cs->nbits == GUARD_MAX_BIT_PARAMS)
			return false;
		cs->bits = ls_xrealloc(cs->bits, (cs->nbits + 1) * sizeof(*cs->bits));
		cs->bits[cs->nbits++] = (struct bit_guard){ .param = p };
	}
	b = &cs->bits[i];
	if (is(r, 2, "bits-set"))
		b->set |= v;
	else
		b->clear |= v;
	return true;
}

static bool parse_held(const struct rec *r, struct held_lock **list, int *count)
{
	struct held_lock h;
	long long v;

	if (r->n != 7 || !number(r->f[3], &v))
		return false;
	h.kind = field(r, 1);
	h.mode = field(r, 2);
	h.line = v;
	h.klass = field(r, 4);
	h.inst = is_dash(r, 5) ? NULL : field(r, 5);
	h.shown = field(r, 6);
	*list = ls_xrealloc(*list, (*count + 1) * sizeof(**list));
	(*list)[(*count)++] = h;
	return true;
}

static bool parse_F(struct parse *ps, const struct rec *r)
{
	long long id, line;
	struct func *fn;

	if (r->n != 4 || !number(r->f[1], &id) || id != ps->nfuncs + 1 ||
	    !number(r->f[3], &line))
		return false;
	fn = arena_alloc(&records, sizeof(*fn));
	memset(fn, 0, sizeof(*fn));
	fn->name = field(r, 2);
	fn->file = ps->tu;
	fn->line = line;
	GROW(ps->funcs, ps->nfuncs, ps->afuncs);
	ps->funcs[ps->nfuncs++] = fn;
	ps->call = NULL;
	ps->acq = NULL;
	return true;
}

static bool parse_C(struct parse *ps, const struct rec *r)
{
	struct callsite *cs;
	struct func *fn;
	long long line, col, nargs, i;

	if (r->n != 7 || !(fn = fn_by_id(ps, r)) || !number(r->f[2], &line) ||
	    !number(r->f[3], &col) || r->len[4] != 1 || !strchr("dfu", r->f[4][0]) ||
	    !number(r->f[6], &nargs) || nargs < 0 || nargs > 64)
		return false;
	if (ps->ncalls == ps->acalls) {
		ps->acalls = ps->acalls ? ps->acalls * 2 : 256;
		ps->calls = ls_xrealloc(ps->calls, ps->acalls * sizeof(*ps->calls));
		ps->args_at = ls_xrealloc(ps->args_at, ps->acalls * sizeof(*ps->args_at));
	}
	while (ps->nargs + nargs > ps->aargs) {
		ps->aargs = ps->aargs ? ps->aargs * 2 : 1024;
		ps->args = ls_xrealloc(ps->args, ps->aargs * sizeof(*ps->args));
	}
	ps->args_at[ps->ncalls] = ps->nargs;
	cs = &ps->calls[ps->ncalls++];
	memset(cs, 0, sizeof(*cs));
	cs->caller = fn;
	fn->ncalls++;
	cs->line = line;
	cs->col = col;
	cs->how = r->f[4][0];
	cs->callee = field(r, 5);
	cs->nargs = nargs;
	if (nargs && !dash)
		dash = strtab_intern("-");
	for (i = 0; i < nargs; i++)
		ps->args[ps->nargs++] = dash;
	ps->call = cs;
	ps->acq = NULL;
	return true;
}

static bool parse_A(struct parse *ps, const struct rec *r)
{
	struct acquisition *aq;
	struct func *fn;
	long long line, col, sub, again;

	if (r->n != 12 || !(fn = fn_by_id(ps, r)) || !number(r->f[2], &line) ||
	    !number(r->f[3], &col) || !number(r->f[10], &sub) || !number(r->f[11], &again))
		return false;
	GROW(fn->acqs, fn->nacqs, fn->aacqs);
	aq = &fn->acqs[fn->nacqs++];
	memset(aq, 0, sizeof(*aq));
	aq->line = line;
	aq->col = col;
	aq->kind = field(r, 4);
	aq->mode = field(r, 5);
	aq->trylock = is(r, 6, "try");
	aq->klass = field(r, 7);
	aq->inst = is_dash(r, 8) ? NULL : field(r, 8);
	aq->shown = field(r, 9);
	aq->subclass = sub;
	aq->again = again;
	ps->acq = aq;
	ps->call = NULL;
	return true;
}

/* X: a free; U: a first use. */
static bool parse_resource(struct parse *ps, const struct rec *r)
{
	struct resource_site *rs;
	struct func *fn;
	long long line, col;

	if (r->n != 6 || !(fn = fn_by_id(ps, r)) || !number(r->f[2], &line) ||
	    !number(r->f[3], &col))
		return false;
	if (r->f[0][0] == 'X') {
		GROW(fn->frees, fn->nfrees, fn->afrees);
		rs = &fn->frees[fn->nfrees++];
		rs->how = field(r, 4);
		rs->klass = field(r, 5);
	} else {
		GROW(fn->uses, fn->nuses, fn->auses);
		rs = &fn->uses[fn->nuses++];
		rs->klass = field(r, 4);
		rs->how = field(r, 5);
	}
	rs->line = line;
	rs->col = col;
	ps->call = NULL;
	ps->acq = NULL;
	return true;
}

static bool parse_I(struct parse *ps, const struct rec *r)
{
	if (r->n != 3 || !ps->acq)
		return false;
	if (is(r, 1, "irq-off"))
		ps->acq->irq_off = true;
	else if (!is(r, 1, "bh-off") && !is_dash(r, 1))
		return false;
	ps->acq->bh_off = !is_dash(r, 1);
	ps->acq->sleeps = is(r, 2, "sleeps");
	return true;
}

static bool parse_R(struct parse *ps, const struct rec *r)
{
	const char *field_name;
	long long arg;

	if (r->n != 4 || !number(r->f[2], &arg))
		return false;
	/* rules/registrations.tab says which field the argument fills */
	field_name = registration_field(field(r, 1), arg);
	if (field_name)
		add_bind(ps, field_name, field(r, 3), NULL);
	return true;
}

static bool parse_T(struct parse *ps, const struct rec *r)
{
	struct recyclable *t;
	long long line;

	if (r->n != 4 || !number(r->f[2], &line))
		return false;
	ps->types = ls_xrealloc(ps->types, (ps->ntypes + 1) * sizeof(*ps->types));
	t = &ps->types[ps->ntypes++];
	t->type = field(r, 1);
	t->file = ps->tu;
	t->line = line;
	t->source = field(r, 3);
	return true;
}

static bool parse_N(struct parse *ps, const struct rec *r)
{
	struct rcu_event *ev;
	struct func *fn;
	long long line, col, k, cl, cc;

	if (r->n != 11 || !(fn = fn_by_id(ps, r)) || !number(r->f[2], &line) ||
	    !number(r->f[3], &col) || !number(r->f[6], &k) || !number(r->f[7], &cl) ||
	    !number(r->f[8], &cc))
		return false;
	GROW(fn->rcu, fn->nrcu, fn->arcu);
	ev = &fn->rcu[fn->nrcu++];
	memset(ev, 0, sizeof(*ev));
	ev->tag = 'N';
	ev->line = line;
	ev->col = col;
	ev->op = field(r, 4);
	ev->node = field(r, 5);
	ev->arg = k;
	ev->cline = cl;
	ev->ccol = cc;
	ev->obj = field(r, 9);
	ev->shown = field(r, 10);
	return true;
}

/* W and P: an RCU list walk; L: a list primitive. */
static bool parse_rcu_list(struct parse *ps, const struct rec *r)
{
	bool walk = r->f[0][0] != 'L';
	struct rcu_event *ev;
	struct func *fn;
	long long line, col;

	if (r->n != (walk ? 7 : 10) || !(fn = fn_by_id(ps, r)) ||
	    !number(r->f[2], &line) || !number(r->f[3], &col))
		return false;
	GROW(fn->rcu, fn->nrcu, fn->arcu);
	ev = &fn->rcu[fn->nrcu++];
	memset(ev, 0, sizeof(*ev));
	ev->tag = r->f[0][0];
	ev->line = line;
	ev->col = col;
	if (walk) {
		ev->link = field(r, 4);
		ev->head = field(r, 5);
		ev->shown = field(r, 6);
	} else {
		ev->op = field(r, 4);
		ev->link = field(r, 5);
		ev->node = field(r, 6);
		ev->obj = field(r, 7);
		ev->head = field(r, 8);
		ev->shown = field(r, 9);
	}
	return true;
}

static bool parse_B(struct parse *ps, const struct rec *r)
{
	static struct strbuf key = STRBUF_INIT;

	if (r->n != 5)
		return false;
	sb_reset(&key);
	sb_addf(&key, "%s::%s", r->f[1], r->f[2]);
	add_bind(ps, strtab_intern(sb_str(&key)), field(r, 3),
		 is_dash(r, 4) ? NULL : field(r, 4));
	return true;
}

/* A call's lists are counted in a byte (struct callsite). */
static bool call_list_full(struct parse *ps, int n)
{
	if (n < CALL_MAX_LIST)
		return false;
	snprintf(ps->error_text, sizeof(ps->error_text),
		 "more than %d held locks, guards or released locks at one call",
		 CALL_MAX_LIST);
	ps->error = ps->error_text;
	return true;
}

static bool parse_record(struct parse *ps, struct rec *r)
{
	struct func *fn;
	long long a;

	if (r->n < 1 || r->len[0] != 1)
		return false;
	/* by how often they come: a, C, F first */
	switch (r->f[0][0]) {
	case 'a':
		if (r->n != 3 || !ps->call || !number(r->f[1], &a) || a < 0 ||
		    a >= ps->call->nargs)
			return false;
		ps->args[ps->args_at[ps->call - ps->calls] + a] = field(r, 2);
		return true;
	case 'C':
		return parse_C(ps, r);
	case 'F':
		return parse_F(ps, r);
	case 'h':
		if (ps->call) {
			int n = ps->call->nheld;
			bool ok = !call_list_full(ps, n) &&
				  parse_held(r, &ps->call->held, &n);

			ps->call->nheld = n;
			return ok;
		}
		if (ps->acq)
			return parse_held(r, &ps->acq->held, &ps->acq->nheld);
		return false;
	case 'A':
		return parse_A(ps, r);
	case 'g':
		if (r->n == 4 && (is(r, 2, "bits-set") || is(r, 2, "bits-clear")))
			return parse_bits(ps, r);
		if (ps->call) {
			int n = ps->call->nguards;
			bool ok = !call_list_full(ps, n) &&
				  parse_guard(r, &ps->call->guards, &n);

			ps->call->nguards = n;
			return ok;
		}
		if (ps->acq)
			return parse_guard(r, &ps->acq->guards, &ps->acq->nguards);
		return false;
	case 'X':
	case 'U':
		return parse_resource(ps, r);
	case 'r':
		if (r->n != 2 || !ps->call || call_list_full(ps, ps->call->nreleased))
			return false;
		ps->call->released = ls_xrealloc(ps->call->released,
						 (ps->call->nreleased + 1) * sizeof(char *));
		ps->call->released[ps->call->nreleased++] = field(r, 1);
		return true;
	case 'I':
		return parse_I(ps, r);
	case 'R':
		return parse_R(ps, r);
	case 'T':
		return parse_T(ps, r);
	case 'N':
		return parse_N(ps, r);
	case 'W':
	case 'P':
	case 'L':
		return parse_rcu_list(ps, r);
	/* waits (waits.c): after a C record, a binding, a sysfs member */
	case 'Y':
		return ps->call && wait_parse_Y(ps->call, r->f, r->n);
	case 'Z':
		return (fn = fn_by_id(ps, r)) && wait_parse_Z(fn, r->f, r->n);
	case 'Q':
		if (r->n != 3)
			return false;
		add_bind(ps, strtab_intern(WAIT_CONTAINS), field(r, 2), field(r, 1));
		return true;
	case 'B':
		return parse_B(ps, r);
	}
	return false;
}

/*
 * The file's calls to their functions, in file order, with their
 * arguments (unless the file is bad: it goes whole).
 */
static void hand_out_calls(struct parse *ps)
{
	int i;

	for (i = 0; i < ps->ncalls && !ps->error; i++)
		ps->calls[i].args = strlist_intern(ps->args + ps->args_at[i],
						   ps->calls[i].nargs);

	for (i = 0; i < ps->nfuncs; i++) {
		struct func *fn = ps->funcs[i];

		fn->acalls = fn->ncalls;
		fn->calls = fn->ncalls ?
			    arena_alloc(&records, fn->ncalls * sizeof(*fn->calls)) : NULL;
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

static void commit(struct program *prog, struct parse *ps)
{
	int i;

	for (i = 0; i < ps->nfuncs; i++) {
		struct func *fn = ps->funcs[i], *old;

		/* the array grew by doubling: give the slack back */
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
		const char *field_name = ps->binds[i], *fn = ps->binds[i + 1];

		bind_into(&bindings, field_name, field_name, fn);
		if (ps->binds[i + 2])
			bind_into(&object_bindings, object_key(ps->binds[i + 2], field_name),
				  field_name, fn);
	}
	for (i = 0; i < ps->ntypes; i++) {
		if (ptrtab_get(&recyclables, ps->types[i].type))
			continue;
		ptrtab_put(&recyclables, ps->types[i].type,
			   ls_xmemdup(&ps->types[i], sizeof(ps->types[i])));
	}
}

/* Everything the file's records hold, but the interned strings. */
static void discard(struct parse *ps, const struct arena_mark *mark)
{
	int i, j;

	for (i = 0; i < ps->nfuncs; i++) {
		struct func *fn = ps->funcs[i];

		for (j = 0; j < fn->ncalls; j++) {
			free(fn->calls[j].guards);
			free(fn->calls[j].bits);
			free(fn->calls[j].held);
			free(fn->calls[j].released);
		}
		for (j = 0; j < fn->nacqs; j++) {
			free(fn->acqs[j].guards);
			free(fn->acqs[j].held);
		}
		free(fn->acqs);
		free(fn->frees);
		free(fn->uses);
		free(fn->rcu);
		wait_discard(fn);
	}
	/* the functions and their calls */
	arena_rewind(&records, mark);
}

/*
 * The whole of @path, in a buffer reused file to file, with SLACK zero
 * bytes after it (for find_tab()).
 */
#define SLACK 8

static char *read_whole(const char *path, size_t *size)
{
	static char *buf;
	static size_t alloc;
	struct stat st;
	size_t len = 0;
	ssize_t got;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && (size_t)st.st_size + SLACK + 1 > alloc) {
		alloc = st.st_size + SLACK + 1;
		buf = ls_xrealloc(buf, alloc);
	}
	for (;;) {
		if (alloc - len <= SLACK) {
			alloc = alloc > 65536 ? alloc * 2 : 65536;
			buf = ls_xrealloc(buf, alloc);
		}
		got = read(fd, buf + len, alloc - SLACK - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		len += got;
	}
	if (got < 0) {
		int err = errno;

		close(fd);
		errno = err;
		return NULL;
	}
	close(fd);
	memset(buf + len, 0, SLACK);
	*size = len;
	return buf;
}

/* The fields of a record that are interned: bit i for field i. */
static unsigned int interned_fields(char tag)
{
	switch (tag) {
	case 'a':
	case 'F':
		return 1u << 2;
	case 'C':
		return 1u << 5;
	case 'h':
		return 1u << 1 | 1u << 2 | 1u << 4 | 1u << 5 | 1u << 6;
	case 'A':
		return 1u << 4 | 1u << 5 | 1u << 7 | 1u << 8 | 1u << 9;
	case 'U':
	case 'X':
		return 1u << 4 | 1u << 5;
	}
	return 0;
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
		want = r->n > 1 && r->len[0] == 1 ? interned_fields(r->f[0][0]) : 0;
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

/* Line 1 and 2: the magic and version, the translation unit. */
static bool parse_header(struct parse *ps, const struct rec *r)
{
	long long version;

	if (ps->line == 1) {
		if (r->n != 2 || !is(r, 0, FACTS_MAGIC) || !number(r->f[1], &version)) {
			ps->error = "not a lockscope facts file";
			return false;
		}
		if (version < FACTS_OLDEST_READ || version > FACTS_VERSION) {
			snprintf(ps->error_text, sizeof(ps->error_text),
				 "facts version %lld, not %d to %d: written by another lockscope (re-run the check)",
				 version, FACTS_OLDEST_READ, FACTS_VERSION);
			ps->error = ps->error_text;
			return false;
		}
		return true;
	}
	if (r->n != 2 || !is(r, 0, "tu")) {
		ps->error = "no translation unit";
		return false;
	}
	ps->tu = field(r, 1);
	return true;
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
		if (!parse_header(ps, &l->r))
			return false;
		*records += ps->line == 2;
		return true;
	}
	if (l->r.n >= 2 && is(&l->r, 0, "end")) {
		if (l->r.n != 2 || !number(l->r.f[1], &count) || count != *records + 1) {
			ps->error = "record count does not match: truncated or edited";
			return false;
		}
		*ended = true;
		return true;
	}
	(*records)++;
	if (!parse_record(ps, &l->r)) {
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

static void load_file(struct program *prog, const char *path)
{
	/* the arrays outlive the file: the next one parses into them */
	static struct parse ps;
	struct arena_mark mark = arena_mark(&records);
	size_t size;
	char *buf = read_whole(path, &size);

	if (!buf) {
		fprintf(stderr, "lockscope: warning: %s: %s; skipped\n", path, strerror(errno));
		prog->nskipped++;
		return;
	}
	ps.path = path;
	ps.line = 0;
	ps.tu = NULL;
	ps.nfuncs = ps.ncalls = ps.nargs = ps.nbinds = ps.ntypes = 0;
	ps.call = NULL;
	ps.acq = NULL;
	ps.error = NULL;
	parse_lines(&ps, buf, size);
	hand_out_calls(&ps);
	if (ps.error) {
		fprintf(stderr, "lockscope: warning: %s:%d: %s; skipped\n",
			path, ps.line, ps.error);
		prog->nskipped++;
		discard(&ps, &mark);
	} else {
		commit(prog, &ps);
		prog->nfiles++;
	}
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
