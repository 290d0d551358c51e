// SPDX-License-Identifier: MIT
/*
 * RCU walks of list_head lists.  list_for_each_entry_rcu(),
 * list_entry_rcu() and list_first_or_null_rcu() load their links with a
 * READ_ONCE() of a plain "struct list_head *", not through an __rcu
 * pointer: what tells such a walk is a volatile load of a list_head
 * pointer whose value becomes an entry (container_of() to another struct
 * type), and that becomes the loop cursor of list_for_each_entry_rcu(),
 * or goes through list_first_or_null_rcu()'s second READ_ONCE().
 * list_empty() and list_first_entry_or_null() also read ->next with
 * READ_ONCE(), but only compare it or convert it once; the plain
 * list_for_each_entry() loads are not volatile.
 *
 * Whether the walk runs under RCU: rcu_read_lock() (and its flavours, by
 * rules/locks.tab) held on every path to it in this function, or, for the
 * whole-tree step to decide, a caller that holds it.
 */
#include <stdlib.h>
#include <string.h>

#include "lockscope/rcu.h"
#include "lockscope/ptrtab.h"
#include "lockscope/rules.h"
#include "lockscope/strbuf.h"
#include "lockscope/irtypes.h"

static bool is_list_head(struct symbol *type)
{
	return type && type->ident && !strcmp(show_ident(type->ident), "list_head");
}

struct entry {
	struct symbol *type;	/* the struct the link is converted to */
	long long member;	/* the link's offset in it */
	pseudo_t value;		/* the entry pointer */
	bool reloaded;		/* through list_entry_rcu() of a local */
};

static bool becomes_entry(struct entrypoint *ep, pseudo_t v, long long off,
			  struct entry *out, int depth);

/* A value stored into a local (list_first_or_null_rcu()'s __next) and read back. */
static bool reloaded_entry(struct entrypoint *ep, struct instruction *store,
			   struct entry *out, int depth)
{
	long long soff = store->offset, loff;
	pseudo_t local = ir_strip_offsets(store->src, &soff);
	struct basic_block *bb;
	struct instruction *insn;

	if (!local || local->type != PSEUDO_SYM)
		return false;
	FOR_EACH_PTR(ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb || insn->opcode != OP_LOAD)
				continue;
			loff = insn->offset;
			if (insn->is_volatile && ir_strip_offsets(insn->src, &loff) == local &&
			    loff == soff && becomes_entry(ep, insn->target, 0, out, depth + 1)) {
				out->reloaded = true;
				return true;
			}
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	return false;
}

/* Does the list link @v, moved by @off, become a pointer to an entry? */
static bool becomes_entry(struct entrypoint *ep, pseudo_t v, long long off,
			  struct entry *out, int depth)
{
	struct pseudo_user *pu;

	if (depth > 6 || !v || v->type != PSEUDO_REG)
		return false;
	FOR_EACH_PTR(v->users, pu) {
		struct instruction *insn = pu->insn;
		struct symbol *to;

		if (!insn || !insn->bb)
			continue;
		switch (insn->opcode) {
		case OP_PTRCAST:
		case OP_COPY:
			to = ir_struct_pointee(insn->type);
			if (to && !is_list_head(to) && off <= 0) {
				out->type = to;
				out->member = -off;
				out->value = insn->target;
				return true;
			}
			if (becomes_entry(ep, insn->target, off, out, depth + 1))
				return true;
			break;
		case OP_ADD:
		case OP_SUB:
			if (insn->src1 != v || insn->src2->type != PSEUDO_VAL)
				break;
			if (becomes_entry(ep, insn->target,
					  off + (insn->opcode == OP_ADD ? 1 : -1) * insn->src2->value,
					  out, depth + 1))
				return true;
			break;
		case OP_STORE:
			if (insn->target == v && reloaded_entry(ep, insn, out, depth))
				return true;
			break;
		default:
			break;
		}
	} END_FOR_EACH_PTR(pu);
	return false;
}

/* Is @phi the base of a volatile load of a list link at @member? */
static bool cursor_link_loaded(struct entrypoint *ep, pseudo_t phi, long long member)
{
	struct basic_block *bb;
	struct instruction *insn;

	FOR_EACH_PTR(ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			long long off;

			if (!insn->bb || insn->opcode != OP_LOAD || !insn->is_volatile)
				continue;
			off = insn->offset;
			if (ir_strip_offsets(insn->src, &off) == phi && off == member)
				return true;
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	return false;
}

/* The phi that @src (a phi source's value) feeds, or NULL. */
static pseudo_t phi_fed_by(struct entrypoint *ep, pseudo_t src)
{
	struct basic_block *bb;
	struct instruction *insn;
	pseudo_t p;

	FOR_EACH_PTR(ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb || insn->opcode != OP_PHI)
				continue;
			FOR_EACH_PTR(insn->phi_list, p) {
				if (p == src)
					return insn->target;
			} END_FOR_EACH_PTR(p);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	return NULL;
}

/*
 * list_for_each_entry_rcu(): the entry becomes the loop cursor, whose
 * own link is loaded with READ_ONCE() at the same member.  What tells it
 * from list_first_entry_or_null(), which also reads ->next with
 * READ_ONCE() but is no RCU walk.
 */
static bool loop_cursor(struct entrypoint *ep, const struct entry *e)
{
	struct pseudo_user *pu;

	if (!e->value || e->value->type != PSEUDO_REG)
		return false;
	FOR_EACH_PTR(e->value->users, pu) {
		struct instruction *insn = pu->insn;
		pseudo_t phi;

		if (!insn || !insn->bb || insn->opcode != OP_PHISOURCE)
			continue;
		phi = phi_fed_by(ep, insn->target);
		if (phi && cursor_link_loaded(ep, phi, e->member))
			return true;
	} END_FOR_EACH_PTR(pu);
	return false;
}

bool rcu_list_walk_load(struct entrypoint *ep, struct instruction *insn)
{
	struct symbol *type = ir_strip_node(insn->type);
	struct entry e = { 0 };
	long long off = insn->offset;
	pseudo_t base;
	struct instruction *def;

	if (insn->opcode != OP_LOAD || !insn->is_volatile ||
	    !is_list_head(ir_struct_pointee(type)) ||
	    !becomes_entry(ep, insn->target, 0, &e, 0))
		return false;
	base = ir_strip_offsets(insn->src, &off);
	/* list_first_or_null_rcu() reading back its own local */
	if (base && base->type == PSEUDO_SYM &&
	    !(base->sym->ctype.modifiers & (MOD_TOPLEVEL | MOD_STATIC)))
		return false;
	/* pos->member.next: the cursor's link, not the list's head */
	def = base && base->type == PSEUDO_REG ? base->def : NULL;
	if (off == e.member && def && ir_struct_pointee(def->type) == e.type)
		return false;
	if (off == e.member && base && base->type == PSEUDO_ARG &&
	    ir_struct_pointee(ir_param(ep, base->nr - 1)) == e.type)
		return false;
	return e.reloaded || loop_cursor(ep, &e);
}

/*
 * RCU read-side sections: the RCU depth on entry to each block, the least
 * over the ways in (a section must be held on every path to count).
 */
#define RCU_UNKNOWN 1000

static int call_effect(struct instruction *insn, int depth)
{
	const struct lock_api *api;

	if (insn->opcode != OP_CALL || !insn->func || insn->func->type != PSEUDO_SYM ||
	    !insn->func->sym->ident)
		return depth;
	api = rules_lookup(show_ident(insn->func->sym->ident));
	if (!api || api->kind != LK_RCU)
		return depth;
	if (api->op == LOP_ACQUIRE)
		return depth < 64 ? depth + 1 : depth;
	if (api->op == LOP_RELEASE)
		return depth > 0 ? depth - 1 : 0;
	return depth;
}

static int block_out(struct basic_block *bb, int depth)
{
	struct instruction *insn;

	if (depth == RCU_UNKNOWN)
		return depth;
	FOR_EACH_PTR(bb->insns, insn) {
		if (insn->bb)
			depth = call_effect(insn, depth);
	} END_FOR_EACH_PTR(insn);
	return depth;
}

struct rcu_sections {
	struct ptrtab in;	/* block -> depth on entry + 1 */
};

static int depth_in(struct rcu_sections *s, struct basic_block *bb)
{
	long v = (long)ptrtab_get(&s->in, bb);

	return v ? (int)(v - 1) : RCU_UNKNOWN;
}

static void set_depth_in(struct rcu_sections *s, struct basic_block *bb, int d)
{
	ptrtab_put(&s->in, bb, (void *)(long)(d + 1));
}

struct rcu_sections *rcu_sections_compute(struct entrypoint *ep)
{
	struct rcu_sections *s = ls_xcalloc(1, sizeof(*s));
	struct basic_block *bb, *parent;
	bool changed = true;
	int rounds = 0;

	if (ep->entry && ep->entry->bb)
		set_depth_in(s, ep->entry->bb, 0);
	while (changed && rounds++ < 64) {
		changed = false;
		FOR_EACH_PTR(ep->bbs, bb) {
			int d = bb == ep->entry->bb ? 0 : RCU_UNKNOWN;

			FOR_EACH_PTR(bb->parents, parent) {
				int out = block_out(parent, depth_in(s, parent));

				if (out < d)
					d = out;
			} END_FOR_EACH_PTR(parent);
			if (d != depth_in(s, bb)) {
				set_depth_in(s, bb, d);
				changed = true;
			}
		} END_FOR_EACH_PTR(bb);
	}
	return s;
}

bool rcu_sections_held(struct rcu_sections *s, struct instruction *at)
{
	int depth = depth_in(s, at->bb);
	struct instruction *insn;

	if (depth == RCU_UNKNOWN)
		return false;
	FOR_EACH_PTR(at->bb->insns, insn) {
		if (insn == at)
			break;
		if (insn->bb)
			depth = call_effect(insn, depth);
	} END_FOR_EACH_PTR(insn);
	return depth > 0;
}

void rcu_sections_free(struct rcu_sections *s)
{
	ptrtab_clear(&s->in);
	free(s);
}
