// SPDX-License-Identifier: MIT
/*
 * rcu-free (this function alone): an object RCU readers can reach must be
 * unpublished first, then freed after a grace period.
 *
 *  - handed to call_rcu()/kfree_rcu() and unpublished only afterwards
 *    (rcu_assign_pointer()/RCU_INIT_POINTER() over the __rcu pointer it
 *    was loaded from, list_del_rcu()/hlist_del_rcu() of its node): a
 *    reader that finds it after the grace period began uses freed memory;
 *  - unpublished, then kfree()d with no synchronize_rcu() in between:
 *    readers that found it before may still be using it.
 *
 * The object is the pointer as sparse's SSA form names it: loaded from an
 * __rcu pointer, or the base of a list node.  A loop cursor is another
 * object each time round, so no path is followed through its definition.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/check.h"
#include "lockscope/diag.h"
#include "lockscope/facts.h"
#include "lockscope/lockid.h"
#include "lockscope/rcu.h"
#include "lockscope/resources.h"
#include "lockscope/source.h"
#include "lockscope/strbuf.h"
#include "lockscope/irtypes.h"

/* Do two loads or stores access the same place? */
static bool same_place(struct instruction *a, struct instruction *b)
{
	long long oa = a->offset, ob = b->offset;

	return ir_strip_offsets(a->src, &oa) == ir_strip_offsets(b->src, &ob) && oa == ob;
}

/* The __rcu load that @obj is the value of, or NULL. */
static struct instruction *published_by(pseudo_t obj)
{
	struct instruction *def;

	if (!obj || obj->type != PSEUDO_REG || !(def = obj->def))
		return NULL;
	if (def->opcode == OP_LOAD && rcu_is_rcu_pointer(def->type))
		return def;
	return NULL;
}

static pseudo_t nth_arg(struct instruction *insn, int n)
{
	pseudo_t arg;
	int i = 0;

	FOR_EACH_PTR(insn->arguments, arg) {
		if (i++ == n)
			return arg;
	} END_FOR_EACH_PTR(arg);
	return NULL;
}

/* Does @insn take @obj out of readers' reach? */
static bool unpublishes(struct instruction *insn, pseudo_t obj)
{
	struct instruction *load = published_by(obj);
	const struct rcu_api *api;

	if (!insn->bb)
		return false;
	if (insn->opcode == OP_STORE)
		return load && rcu_is_rcu_pointer(insn->type) && same_place(insn, load);
	api = rcu_call_api(insn);
	return api && api->op == RCU_DEL_RCU &&
	       pointer_object(nth_arg(insn, api->obj)) == obj;
}

/*
 * Does @insn unpublish @obj so that a kfree() must wait for readers?  Not
 * an hlist_nulls removal: nulls lists hold SLAB_TYPESAFE_BY_RCU objects,
 * freed at once by design, whose lookups re-check what they found.
 */
static bool unpublishes_for_free(struct instruction *insn, pseudo_t obj)
{
	const struct rcu_api *api = rcu_call_api(insn);

	return unpublishes(insn, obj) && !(api && api->link == RL_NULLS);
}

static bool is_sync(struct instruction *insn)
{
	const struct rcu_api *api = rcu_call_api(insn);

	return insn->bb && api && (api->op == RCU_SYNC || api->op == RCU_FREE_RCU);
}

#define MAX_BBS 4096

struct search {
	struct basic_block *seen[MAX_BBS];
	int nseen;
	struct basic_block *stop;	/* the object's definition */
};

static bool seen(struct search *s, struct basic_block *bb)
{
	int i;

	for (i = 0; i < s->nseen; i++)
		if (s->seen[i] == bb)
			return true;
	if (s->nseen < MAX_BBS)
		s->seen[s->nseen++] = bb;
	return false;
}

/* The first unpublish of @obj on a path after @from, or NULL. */
static struct instruction *unpublished_after(struct search *s, struct basic_block *bb,
					     struct instruction *from, pseudo_t obj)
{
	struct instruction *insn, *found = NULL;
	struct basic_block *child;
	bool after = !from;

	FOR_EACH_PTR(bb->insns, insn) {
		if (!after) {
			after = insn == from;
			continue;
		}
		if (unpublishes(insn, obj))
			return insn;
	} END_FOR_EACH_PTR(insn);
	FOR_EACH_PTR(bb->children, child) {
		if (child == s->stop || seen(s, child))
			continue;
		found = unpublished_after(s, child, NULL, obj);
		if (found)
			return found;
	} END_FOR_EACH_PTR(child);
	return NULL;
}

/* An unpublish of @obj before @to on a path with no grace period, or NULL. */
static struct instruction *unpublished_before(struct search *s, struct basic_block *bb,
					      struct instruction *to, pseudo_t obj)
{
	struct instruction *insn, *found;
	struct basic_block *parent;
	bool before = !to;

	FOR_EACH_PTR_REVERSE(bb->insns, insn) {
		if (!before) {
			before = insn == to;
			continue;
		}
		if (unpublishes_for_free(insn, obj))
			return insn;
		if (is_sync(insn))
			return NULL;
	} END_FOR_EACH_PTR_REVERSE(insn);
	if (bb == s->stop)
		return NULL;
	FOR_EACH_PTR(bb->parents, parent) {
		if (seen(s, parent))
			continue;
		found = unpublished_before(s, parent, NULL, obj);
		if (found)
			return found;
	} END_FOR_EACH_PTR(parent);
	return NULL;
}

/* The callee as written at the call: kfree_rcu, not kvfree_call_rcu. */
static const char *callee_name(struct instruction *insn)
{
	static char name[128];
	struct position pos = insn->pos;

	snprintf(name, sizeof(name), "%s", show_ident(insn->func->sym->ident));
	source_call_name(&pos, name, sizeof(name));
	return name;
}

static struct position call_pos(struct instruction *insn)
{
	struct position pos = insn->pos;
	char name[128];

	if (insn->opcode == OP_CALL)
		source_call_name(&pos, name, sizeof(name));
	return pos;
}

static const char *unpublish_words(struct instruction *insn)
{
	return insn->opcode == OP_STORE ? "its __rcu pointer is overwritten" :
	       callee_name(insn);
}

static struct symbol *strip(struct symbol *type)
{
	return type && type->type == SYM_NODE ? type->ctype.base_type : type;
}

/* The struct @obj points to, when sparse still knows it, or NULL. */
static struct symbol *object_struct(struct fn_ctx *fn, pseudo_t obj)
{
	struct symbol *type = NULL;

	if (obj->type == PSEUDO_ARG && fn->fn)
		type = ptr_list_nth(strip(fn->fn)->arguments, obj->nr - 1);
	else if (obj->def && obj->def->opcode == OP_LOAD)
		type = obj->def->type;
	type = strip(type);
	if (!type || type->type != SYM_PTR)
		return NULL;
	type = strip(type->ctype.base_type);
	return type && type->type == SYM_STRUCT ? type : NULL;
}

/* The member of @st that kfree_rcu() can use, or NULL. */
static const char *rcu_head_member(struct symbol *st)
{
	struct symbol *m;

	FOR_EACH_PTR(st->symbol_list, m) {
		struct symbol *base = strip(m);

		if (m->ident && base && base->type == SYM_STRUCT && base->ident &&
		    (!strcmp(show_ident(base->ident), "rcu_head") ||
		     !strcmp(show_ident(base->ident), "callback_head")))
			return show_ident(m->ident);
	} END_FOR_EACH_PTR(m);
	return NULL;
}

static void check_free(struct fn_ctx *fn, struct instruction *insn,
		       const struct rcu_api *api)
{
	pseudo_t obj = pointer_object(nth_arg(insn, api->obj));
	struct search *s;
	struct instruction *un;
	struct lock_ref ref;
	struct symbol *st;
	const char *head;

	if (!obj || !(obj->type == PSEUDO_ARG ||
		      (obj->type == PSEUDO_REG && obj->def && obj->def->bb)))
		return;
	s = ls_xcalloc(1, sizeof(*s));
	s->stop = obj->type == PSEUDO_REG ? obj->def->bb : NULL;
	if (api->op == RCU_FREE_RCU)
		un = unpublished_after(s, insn->bb, insn, obj);
	else
		un = unpublished_before(s, insn->bb, insn, obj);
	free(s);
	if (!un)
		return;
	lockid_describe(fn->ep, obj, NULL, NULL, &ref);
	if (api->op == RCU_FREE_RCU) {
		ls_warn(call_pos(insn), "rcu-free",
			"%s() hands '%s' to %s() before it is unpublished: a reader that finds it once the grace period has begun uses it after it is freed",
			fn->name, ref.instance, callee_name(insn));
		ls_note(call_pos(un), "'%s' is unpublished only here (%s)",
			ref.instance, unpublish_words(un));
	} else {
		ls_warn(call_pos(insn), "rcu-free",
			"%s() frees '%s' with %s() right after unpublishing it, without a grace period: RCU readers may still be using it (synchronize_rcu() first, or kfree_rcu())",
			fn->name, ref.instance, callee_name(insn));
		ls_note(call_pos(un), "'%s' is unpublished here (%s)",
			ref.instance, unpublish_words(un));
		st = object_struct(fn, obj);
		head = st ? rcu_head_member(st) : NULL;
		if (head)
			ls_note(call_pos(insn), "struct %s has an rcu_head, '%s': kfree_rcu() can free it after a grace period",
				show_ident(st->ident), head);
	}
	lockid_release(&ref);
}

/*
 * Facts for the whole-tree step (N records, check_rcu_free_calls.c): an
 * unpublish and a free of one object in two functions.
 *
 *   unpub  this function unpublishes parameter k (list_del_rcu() of its
 *          node) and can return with no grace period after it
 *   frees  this function kfree()s parameter k with no grace period on
 *          some path from its entry
 *   free-after-call   a kfree() of an object that an earlier call (no
 *          grace period in between) was passed as argument k
 *   call-after-unpub  a call passing, as argument k, an object this
 *          function unpublished before (no grace period in between)
 */
#define MAX_CALLS 8

/* Where @insn passes @obj (at offset 0 when @exact), or -1. */
static int passes(struct instruction *insn, pseudo_t obj, bool exact)
{
	pseudo_t arg;
	int i = 0;

	if (!insn->bb || insn->opcode != OP_CALL || !insn->func ||
	    insn->func->type != PSEUDO_SYM || rcu_call_api(insn))
		return -1;
	FOR_EACH_PTR(insn->arguments, arg) {
		long long off = 0;

		if (exact ? ir_strip_offsets(arg, &off) == obj && !off : pointer_object(arg) == obj)
			return i;
		i++;
	} END_FOR_EACH_PTR(arg);
	return -1;
}

struct calls {
	struct instruction *insn[MAX_CALLS];
	int n;
	bool entry;	/* the function's entry reached */
	bool exit;	/* a return reached */
};

static void add_call(struct calls *c, struct instruction *insn)
{
	if (c->n < MAX_CALLS)
		c->insn[c->n++] = insn;
}

/* Calls passing @obj on paths before @to, back to a grace period. */
static void calls_before(struct search *s, struct basic_block *bb, struct instruction *to,
			 pseudo_t obj, struct calls *c)
{
	struct basic_block *parent;
	struct instruction *insn;
	bool before = !to;

	FOR_EACH_PTR_REVERSE(bb->insns, insn) {
		if (!before) {
			before = insn == to;
			continue;
		}
		if (is_sync(insn) || unpublishes_for_free(insn, obj))
			return;
		if (passes(insn, obj, false) >= 0)
			add_call(c, insn);
	} END_FOR_EACH_PTR_REVERSE(insn);
	if (bb == bb->ep->entry->bb)
		c->entry = true;
	if (bb == s->stop)
		return;
	FOR_EACH_PTR(bb->parents, parent) {
		if (!seen(s, parent))
			calls_before(s, parent, NULL, obj, c);
	} END_FOR_EACH_PTR(parent);
}

/* Calls passing @obj on paths after @from, up to a grace period. */
static void calls_after(struct search *s, struct basic_block *bb, struct instruction *from,
			pseudo_t obj, struct calls *c)
{
	struct basic_block *child;
	struct instruction *insn;
	bool after = !from;

	FOR_EACH_PTR(bb->insns, insn) {
		if (!after) {
			after = insn == from;
			continue;
		}
		if (is_sync(insn))
			return;
		if (insn->bb && insn->opcode == OP_RET)
			c->exit = true;
		if (passes(insn, obj, true) >= 0)
			add_call(c, insn);
	} END_FOR_EACH_PTR(insn);
	FOR_EACH_PTR(bb->children, child) {
		if (child != s->stop && !seen(s, child))
			calls_after(s, child, NULL, obj, c);
	} END_FOR_EACH_PTR(child);
}

static void n_record(struct fn_ctx *fn, struct position pos, const char *kind,
		     const char *callee, int arg, struct position cpos,
		     const char *what, const char *shown)
{
	facts_record("N");
	facts_field_int(fn->fid);
	facts_field_int(pos.line);
	facts_field_int(pos.pos);
	facts_field(kind);
	facts_field(callee);
	facts_field_int(arg);
	facts_field_int(cpos.line);
	facts_field_int(cpos.pos);
	facts_field(what);
	facts_field(shown);
}

static const char *callee_symbol(struct instruction *insn, char *buf, int size)
{
	return lockid_symbol_name(insn->func->sym, buf, size);
}

static void call_records(struct fn_ctx *fn, struct instruction *at, const char *kind,
			 const struct calls *c, pseudo_t obj, bool exact)
{
	struct lock_ref ref;
	char name[256];
	int i;

	lockid_describe(fn->ep, obj, NULL, NULL, &ref);
	for (i = 0; i < c->n; i++)
		n_record(fn, call_pos(at), kind, callee_symbol(c->insn[i], name, sizeof(name)),
			 passes(c->insn[i], obj, exact), call_pos(c->insn[i]),
			 at->opcode == OP_CALL ? callee_name(at) : "-", ref.instance);
	lockid_release(&ref);
}

static bool object_of_function(pseudo_t obj)
{
	return obj && (obj->type == PSEUDO_ARG ||
		       (obj->type == PSEUDO_REG && obj->def && obj->def->bb));
}

static void free_facts(struct fn_ctx *fn, struct instruction *insn, const struct rcu_api *api)
{
	pseudo_t obj = pointer_object(nth_arg(insn, api->obj));
	struct search *s;
	struct calls c = { 0 };

	if (api->op != RCU_FREE || !object_of_function(obj))
		return;
	s = ls_xcalloc(1, sizeof(*s));
	s->stop = obj->type == PSEUDO_REG ? obj->def->bb : NULL;
	calls_before(s, insn->bb, insn, obj, &c);
	free(s);
	call_records(fn, insn, "free-after-call", &c, obj, false);
	if (obj->type == PSEUDO_ARG && c.entry)
		n_record(fn, call_pos(insn), "frees", callee_name(insn), obj->nr - 1,
			 call_pos(insn), callee_name(insn), "-");
}

static void unpublish_facts(struct fn_ctx *fn, struct instruction *insn,
			    const struct rcu_api *api)
{
	pseudo_t obj = pointer_object(nth_arg(insn, api->obj));
	struct search *s;
	struct calls c = { 0 };

	if (api->op != RCU_DEL_RCU || api->link == RL_NULLS || !object_of_function(obj))
		return;
	s = ls_xcalloc(1, sizeof(*s));
	s->stop = obj->type == PSEUDO_REG ? obj->def->bb : NULL;
	calls_after(s, insn->bb, insn, obj, &c);
	free(s);
	call_records(fn, insn, "call-after-unpub", &c, obj, true);
	if (obj->type == PSEUDO_ARG && c.exit)
		n_record(fn, call_pos(insn), "unpub", callee_name(insn), obj->nr - 1,
			 call_pos(insn), callee_name(insn), "-");
}

static void rcu_free_function(struct fn_ctx *fn)
{
	struct instruction *insn;
	struct basic_block *bb;

	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			const struct rcu_api *api;

			if (!insn->bb || insn->opcode != OP_CALL)
				continue;
			api = rcu_call_api(insn);
			if (!api || api->obj < 0)
				continue;
			if (api->op == RCU_FREE || api->op == RCU_FREE_RCU)
				check_free(fn, insn, api);
			if (!facts_active())
				continue;
			free_facts(fn, insn, api);
			unpublish_facts(fn, insn, api);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

static const struct check rcu_free = {
	.name = "rcu-free",
	.function = rcu_free_function,
};

void register_rcu_free(void)
{
	check_register(&rcu_free);
}
