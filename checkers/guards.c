// SPDX-License-Identifier: MIT
/*
 * Parameter guards: a forward dataflow of what the branches taken so far
 * say about each parameter, for switches and (in)equality tests of a
 * parameter against constants.
 */
#include <string.h>

#include "lib.h"
#include "lockscope/guards.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"

static struct ptrtab guards;
static struct guard *storage;

static bool has(const struct param_guard *g, long long v)
{
	int i;

	for (i = 0; i < g->n; i++)
		if (g->vals[i] == v)
			return true;
	return false;
}

static void add(struct param_guard *g, long long v)
{
	if (has(g, v))
		return;
	if (g->n == GUARD_MAX_VALUES) {
		/* too many to say: a long IN list says little, drop it */
		if (g->op == G_IN)
			g->op = G_ANY;
		return;
	}
	g->vals[g->n++] = v;
}

/* What is known on either of two paths (a join). */
void guard_join(struct param_guard *a, const struct param_guard *b)
{
	struct param_guard r = { G_ANY, 0, { 0 } };
	int i;

	if (b->op == G_NEVER)
		return;
	if (a->op == G_NEVER) {
		*a = *b;
		return;
	}
	if (a->op == G_ANY || b->op == G_ANY) {
		a->op = G_ANY;
		a->n = 0;
		return;
	}
	if (a->op == G_IN && b->op == G_IN) {
		r = *a;
		for (i = 0; i < b->n && r.op == G_IN; i++)
			add(&r, b->vals[i]);
	} else if (a->op == G_NOTIN && b->op == G_NOTIN) {
		r.op = G_NOTIN;
		for (i = 0; i < a->n; i++)
			if (has(b, a->vals[i]))
				add(&r, a->vals[i]);
	} else {
		const struct param_guard *in = a->op == G_IN ? a : b;
		const struct param_guard *out = a->op == G_IN ? b : a;

		r.op = G_NOTIN;
		for (i = 0; i < out->n; i++)
			if (!has(in, out->vals[i]))
				add(&r, out->vals[i]);
	}
	if (r.op == G_NOTIN && !r.n)
		r.op = G_ANY;
	*a = r;
}

/* What is known on a path that also passed a test (an edge). */
void guard_meet(struct param_guard *a, const struct param_guard *b)
{
	struct param_guard r = { G_IN, 0, { 0 } };
	int i;

	if (b->op == G_ANY || a->op == G_NEVER)
		return;
	if (a->op == G_ANY) {
		*a = *b;
		return;
	}
	if (a->op == G_IN) {
		for (i = 0; i < a->n; i++)
			if (b->op == G_IN ? has(b, a->vals[i]) : !has(b, a->vals[i]))
				add(&r, a->vals[i]);
	} else if (b->op == G_IN) {
		for (i = 0; i < b->n; i++)
			if (!has(a, b->vals[i]))
				add(&r, b->vals[i]);
	} else {
		r = *a;
		for (i = 0; i < b->n; i++)
			add(&r, b->vals[i]);
		*a = r;
		return;
	}
	if (!r.n)
		r.op = G_NEVER;
	*a = r;
}

/* The parameter @p stands for, through casts, if below @max; -1 if none. */
static int param_below(pseudo_t p, int max)
{
	int depth;

	for (depth = 0; depth < 4 && p; depth++) {
		if (p->type == PSEUDO_ARG)
			return p->nr - 1 < max ? p->nr - 1 : -1;
		if (p->type != PSEUDO_REG || !p->def)
			return -1;
		switch (p->def->opcode) {
		case OP_ZEXT:
		case OP_SEXT:
		case OP_TRUNC:
		case OP_COPY:
			p = p->def->src;
			break;
		default:
			return -1;
		}
	}
	return -1;
}

static int param_of(pseudo_t p)
{
	return param_below(p, GUARD_MAX_PARAMS);
}

/* Flag tests are kept for more parameters than value guards. */
static int bits_param_of(pseudo_t p)
{
	return param_below(p, GUARD_MAX_BIT_PARAMS);
}

/*
 * What @cond being @truth (non-zero) says of flag bits: "param & C"
 * (single bits when set), through "!= 0", "== 0" and the and of two
 * conditions that "a && b" becomes.  Kept in @edge.
 */
static void cond_bits(pseudo_t cond, bool truth, struct guard *edge, int depth)
{
	struct instruction *def = cond->type == PSEUDO_REG ? cond->def : NULL;
	unsigned long long mask;
	int param;

	if (!def || depth > 4)
		return;
	switch (def->opcode) {
	case OP_SET_NE:
	case OP_SET_EQ:
		if (def->src2->type == PSEUDO_VAL && !def->src2->value)
			cond_bits(def->src1, truth == (def->opcode == OP_SET_NE), edge, depth + 1);
		return;
	case OP_ZEXT:
	case OP_SEXT:
		cond_bits(def->src, truth, edge, depth + 1);
		return;
	case OP_AND:
		if (def->src2->type != PSEUDO_VAL) {
			/* non-zero: so is each side */
			if (truth) {
				cond_bits(def->src1, true, edge, depth + 1);
				cond_bits(def->src2, true, edge, depth + 1);
			}
			return;
		}
		break;
	case OP_OR:
		if (!truth) {
			cond_bits(def->src1, false, edge, depth + 1);
			cond_bits(def->src2, false, edge, depth + 1);
		}
		return;
	default:
		return;
	}
	param = bits_param_of(def->src1);
	mask = def->src2->value;
	if (def->size < 64)
		mask &= (1ULL << def->size) - 1;
	if (param < 0 || !mask)
		return;
	if (!truth)
		edge->bits_clear[param] |= mask;
	else if (!(mask & (mask - 1)))
		edge->bits_set[param] |= mask;	/* one bit: it is set */
}

/* The flag tests an edge of @br into @to passes. */
static void edge_bits(struct instruction *br, struct basic_block *to, struct guard *edge)
{
	if (br->opcode != OP_CBR || br->bb_true == br->bb_false)
		return;
	cond_bits(br->cond, to == br->bb_true, edge, 0);
}

/* Join what an edge knows of the flags into the block's guard @to. */
static void join_bits(struct guard *to, const struct guard *edge)
{
	int i;

	if (!to->bits_reached) {
		memcpy(to->bits_set, edge->bits_set, sizeof(to->bits_set));
		memcpy(to->bits_clear, edge->bits_clear, sizeof(to->bits_clear));
		to->bits_reached = 1;
		return;
	}
	for (i = 0; i < GUARD_MAX_BIT_PARAMS; i++) {
		to->bits_set[i] &= edge->bits_set[i];
		to->bits_clear[i] &= edge->bits_clear[i];
	}
}

/* The test an edge of @br into @to makes on a parameter. */
static int edge_test(struct instruction *br, struct basic_block *to,
		     struct param_guard *test)
{
	struct instruction *cmp;
	struct multijmp *jmp;
	int param;

	memset(test, 0, sizeof(*test));
	if (br->opcode == OP_SWITCH) {
		bool is_default = false;

		param = param_of(br->cond);
		if (param < 0)
			return -1;
		FOR_EACH_PTR(br->multijmp_list, jmp) {
			if (jmp->begin > jmp->end) {
				if (jmp->target == to)
					is_default = true;
				continue;
			}
			if (jmp->end - jmp->begin >= GUARD_MAX_VALUES)
				return -1;
		} END_FOR_EACH_PTR(jmp);
		test->op = is_default ? G_NOTIN : G_IN;
		FOR_EACH_PTR(br->multijmp_list, jmp) {
			long long v;

			if (jmp->begin > jmp->end || (jmp->target == to) == is_default)
				continue;
			for (v = jmp->begin; v <= jmp->end; v++)
				add(test, v);
		} END_FOR_EACH_PTR(jmp);
		if (test->op == G_IN && test->n == GUARD_MAX_VALUES)
			return -1;
		return param;
	}
	if (br->opcode != OP_CBR || br->bb_true == br->bb_false)
		return -1;
	param = param_of(br->cond);
	if (param >= 0) {
		/* if (param): true means non-zero */
		test->op = to == br->bb_true ? G_NOTIN : G_IN;
		add(test, 0);
		return param;
	}
	if (br->cond->type != PSEUDO_REG || !(cmp = br->cond->def))
		return -1;
	if ((cmp->opcode != OP_SET_EQ && cmp->opcode != OP_SET_NE) ||
	    cmp->src2->type != PSEUDO_VAL || (param = param_of(cmp->src1)) < 0)
		return -1;
	test->op = (to == br->bb_true) == (cmp->opcode == OP_SET_EQ) ? G_IN : G_NOTIN;
	add(test, cmp->src2->value);
	return param;
}

void guards_solve(struct entrypoint *ep)
{
	struct basic_block *bb, *child, **work;
	int nbbs = 0, i, head = 0, tail = 0;
	bool *queued;

	ptrtab_clear(&guards);
	free(storage);
	storage = NULL;
	FOR_EACH_PTR(ep->bbs, bb) {
		nbbs++;
	} END_FOR_EACH_PTR(bb);
	if (!nbbs || !ep->entry)
		return;
	storage = ls_xcalloc(nbbs, sizeof(*storage));
	queued = ls_xcalloc(nbbs, sizeof(*queued));
	work = ls_xmalloc((nbbs + 1) * sizeof(*work));
	i = 0;
	FOR_EACH_PTR(ep->bbs, bb) {
		int p;

		for (p = 0; p < GUARD_MAX_PARAMS; p++)
			storage[i].p[p].op = G_NEVER;
		ptrtab_put(&guards, bb, &storage[i++]);
	} END_FOR_EACH_PTR(bb);

	bb = ep->entry->bb;
	for (i = 0; i < GUARD_MAX_PARAMS; i++)
		((struct guard *)ptrtab_get(&guards, bb))->p[i].op = G_ANY;
	((struct guard *)ptrtab_get(&guards, bb))->bits_reached = 1;
	work[tail++] = bb;

	while (head != tail) {
		struct guard *g;
		struct instruction *br;

		bb = work[head++ % (nbbs + 1)];
		g = ptrtab_get(&guards, bb);
		queued[g - storage] = false;
		br = last_instruction(bb->insns);
		FOR_EACH_PTR(bb->children, child) {
			struct guard *cg = ptrtab_get(&guards, child);
			struct guard edge = *g, before;
			struct param_guard test;
			int param;

			if (!cg)
				continue;
			if (br && (param = edge_test(br, child, &test)) >= 0)
				guard_meet(&edge.p[param], &test);
			if (br)
				edge_bits(br, child, &edge);
			before = *cg;
			for (i = 0; i < GUARD_MAX_PARAMS; i++)
				guard_join(&cg->p[i], &edge.p[i]);
			join_bits(cg, &edge);
			if (memcmp(&before, cg, sizeof(before)) && !queued[cg - storage]) {
				queued[cg - storage] = true;
				work[tail++ % (nbbs + 1)] = child;
			}
		} END_FOR_EACH_PTR(child);
	}
	free(queued);
	free(work);
}

const struct guard *guards_of(struct basic_block *bb)
{
	return ptrtab_get(&guards, bb);
}

bool guard_allows(const struct param_guard *g, long long v)
{
	switch (g->op) {
	case G_ANY:
		return true;
	case G_IN:
		return has(g, v);
	case G_NOTIN:
		return !has(g, v);
	default:
		return false;
	}
}
