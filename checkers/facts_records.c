// SPDX-License-Identifier: MIT
/*
 * The records of a facts file (facts.h), one at a time, into the file's
 * parse: its functions and calls, acquisitions, resources, RCU events,
 * bindings and types.  A record that does not parse makes the file bad.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/arena.h"
#include "lockscope/diag.h"
#include "lockscope/facts.h"
#include "lockscope/facts_parse.h"
#include "lockscope/program.h"
#include "lockscope/strbuf.h"
#include "lockscope/waits.h"

static const char *dash;		/* interned "-", the unknown argument */

/* As strtoll() reads it, all of the field: guards compare with LLONG_MAX. */
bool facts_number(const char *s, long long *v)
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

/*
 * Room for one more element in @list of @n: the file's lists come from
 * its record arena (rewound with it if the file is bad), their capacity
 * the next power of two, grown in place while nothing came after.
 */
static void *grow_list(struct parse *ps, void *list, int n, size_t size)
{
	if (n & (n - 1))
		return list;
	return arena_realloc(ps->records, list, n * size, (n ? 2 * n : 1) * size);
}

#define GROW_LIST(ps, list, n) ((list) = grow_list((ps), (list), (n), sizeof(*(list))))

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

	if (r->n < 2 || !facts_number(r->f[1], &id) || id < 1 || id > ps->nfuncs) {
		ps->error = "unknown function number";
		return NULL;
	}
	return ps->funcs[id - 1];
}

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

static bool parse_guard(struct parse *ps, const struct rec *r, struct pguard **list,
			int *count)
{
	static const char *const ops[] = { "any", "in", "notin", "never" };
	struct pguard g = { 0 };
	long long v;
	char *p, *save = NULL;
	int i;

	if (r->n != 4 || !facts_number(r->f[1], &v) || v < 0 || v >= GUARD_MAX_PARAMS)
		return false;
	g.param = v;
	for (i = 0; i < 4 && !is(r, 2, ops[i]); i++)
		;
	if (i == 4)
		return false;
	g.g.op = i;
	for (p = strtok_r(r->f[3], ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		if (!facts_number(p, &v) || g.g.n == GUARD_MAX_VALUES)
			return false;
		g.g.vals[g.g.n++] = v;
	}
	GROW_LIST(ps, *list, *count);
	(*list)[(*count)++] = g;
	return true;
}

/* "g 9 bits-set 67108864": a flag test, kept for calls only. */
const struct call_rare call_none;

/*
 * The call's own rare lists, made at the first: taken before the list
 * grows, so that the list stays the arena's newest and grows in place.
 */
static struct call_rare *rare_of(struct parse *ps)
{
	struct callsite *cs = ps->call;

	if (cs->rare == &call_none)
		cs->rare = memset(arena_alloc(ps->records, sizeof(*cs->rare)), 0,
				  sizeof(*cs->rare));
	/* the arena's, not call_none: this parse's to fill */
	return (struct call_rare *)cs->rare;
}

static bool parse_bits(struct parse *ps, const struct rec *r)
{
	struct call_rare *cs;
	struct bit_guard *b;
	long long p, v;
	int i;

	if (r->n != 4 || !facts_number(r->f[1], &p) || p < 0 || p >= GUARD_MAX_BIT_PARAMS ||
	    !facts_number(r->f[3], &v))
		return false;
	if (!ps->call)
		return true;
	cs = rare_of(ps);
	for (i = 0; i < cs->nbits && cs->bits[i].param != p; i++)
		;
	if (i == cs->nbits) {
		if (cs->nbits == GUARD_MAX_BIT_PARAMS)
			return false;
		GROW_LIST(ps, cs->bits, cs->nbits);
		cs->bits[cs->nbits++] = (struct bit_guard){ .param = p };
	}
	b = &cs->bits[i];
	if (is(r, 2, "bits-set"))
		b->set |= v;
	else
		b->clear |= v;
	return true;
}

static bool parse_held(struct parse *ps, const struct rec *r, struct held_lock **list,
		       int *count)
{
	struct held_lock h;
	long long v;

	if (r->n != 7 || !facts_number(r->f[3], &v))
		return false;
	h.kind = field(r, 1);
	h.mode = field(r, 2);
	h.line = v;
	h.klass = field(r, 4);
	h.inst = is_dash(r, 5) ? NULL : field(r, 5);
	h.shown = field(r, 6);
	GROW_LIST(ps, *list, *count);
	(*list)[(*count)++] = h;
	return true;
}

_Static_assert(offsetof(struct func, name) == FUNC_ALIGN, "what the summaries read is one line");

static bool parse_F(struct parse *ps, const struct rec *r)
{
	long long id, line;
	struct func *fn;

	if (r->n != 4 || !facts_number(r->f[1], &id) || id != ps->nfuncs + 1 ||
	    !facts_number(r->f[3], &line))
		return false;
	fn = arena_alloc_aligned(ps->records, sizeof(*fn), FUNC_ALIGN);
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

	if (r->n != 7 || !(fn = fn_by_id(ps, r)) || !facts_number(r->f[2], &line) ||
	    !facts_number(r->f[3], &col) || r->len[4] != 1 || !strchr("dfu", r->f[4][0]) ||
	    !facts_number(r->f[6], &nargs) || nargs < 0 || nargs > 64)
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
	cs->rare = &call_none;
	cs->caller = fn;
	fn->ncalls++;
	cs->line = line;
	cs->col = col < 0 ? 0 : col > CALL_MAX_COL ? CALL_MAX_COL : col;
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

	if (r->n != 12 || !(fn = fn_by_id(ps, r)) || !facts_number(r->f[2], &line) ||
	    !facts_number(r->f[3], &col) || !facts_number(r->f[10], &sub) || !facts_number(r->f[11], &again))
		return false;
	GROW(ps->acqs, ps->nacqs, ps->aacqs);
	aq = &ps->acqs[ps->nacqs++];
	memset(aq, 0, sizeof(*aq));
	aq->fn = fn;
	fn->nacqs++;
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

	if (r->n != 6 || !(fn = fn_by_id(ps, r)) || !facts_number(r->f[2], &line) ||
	    !facts_number(r->f[3], &col))
		return false;
	if (r->f[0][0] == 'X') {
		GROW_LIST(ps, fn->frees, fn->nfrees);
		rs = &fn->frees[fn->nfrees++];
		rs->how = field(r, 4);
		rs->klass = field(r, 5);
	} else {
		GROW_LIST(ps, fn->uses, fn->nuses);
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

	if (r->n != 4 || !facts_number(r->f[2], &arg))
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

	if (r->n != 4 || !facts_number(r->f[2], &line))
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

	if (r->n != 11 || !(fn = fn_by_id(ps, r)) || !facts_number(r->f[2], &line) ||
	    !facts_number(r->f[3], &col) || !facts_number(r->f[6], &k) || !facts_number(r->f[7], &cl) ||
	    !facts_number(r->f[8], &cc))
		return false;
	GROW_LIST(ps, fn->rcu, fn->nrcu);
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
	    !facts_number(r->f[2], &line) || !facts_number(r->f[3], &col))
		return false;
	GROW_LIST(ps, fn->rcu, fn->nrcu);
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

bool facts_parse_record(struct parse *ps, struct rec *r)
{
	struct call_rare *rare;
	struct func *fn;
	long long a;

	if (r->n < 1 || r->len[0] != 1)
		return false;
	/* by how often they come: a, C, F first */
	switch (r->f[0][0]) {
	case 'a':
		if (r->n != 3 || !ps->call || !facts_number(r->f[1], &a) || a < 0 ||
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
				  parse_held(ps, r, &ps->call->held, &n);

			ps->call->nheld = n;
			return ok;
		}
		if (ps->acq)
			return parse_held(ps, r, &ps->acq->held, &ps->acq->nheld);
		return false;
	case 'A':
		return parse_A(ps, r);
	case 'g':
		if (r->n == 4 && (is(r, 2, "bits-set") || is(r, 2, "bits-clear")))
			return parse_bits(ps, r);
		if (ps->call) {
			struct call_rare *rare = rare_of(ps);
			int n = rare->nguards;
			bool ok = !call_list_full(ps, n) && parse_guard(ps, r, &rare->guards, &n);

			rare->nguards = n;
			return ok;
		}
		if (ps->acq)
			return parse_guard(ps, r, &ps->acq->guards, &ps->acq->nguards);
		return false;
	case 'X':
	case 'U':
		return parse_resource(ps, r);
	case 'r':
		if (r->n != 2 || !ps->call || call_list_full(ps, ps->call->rare->nreleased))
			return false;
		rare = rare_of(ps);
		GROW_LIST(ps, rare->released, rare->nreleased);
		rare->released[rare->nreleased++] = field(r, 1);
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
		return ps->call && wait_parse_Y(rare_of(ps), r->f, r->n);
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

/* The fields of a record that are interned: bit i for field i. */
unsigned int facts_interned_fields(char tag)
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

/* Line 1 and 2: the magic and version, the translation unit. */
bool facts_parse_header(struct parse *ps, const struct rec *r)
{
	long long version;

	if (ps->line == 1) {
		if (r->n != 2 || !is(r, 0, FACTS_MAGIC) || !facts_number(r->f[1], &version)) {
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
