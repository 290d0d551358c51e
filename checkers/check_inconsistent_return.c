// SPDX-License-Identifier: MIT
/*
 * inconsistent-return: a lock held on some returns and not on others.
 *
 * Functions that lock and return success are normal ("returns 0 with the
 * lock held, -errno without"), so returns are told apart by their value:
 * it is a bug when the lock differs between returns of the same kind of
 * value, or when an error return (negative constant, or NULL from a
 * function returning a pointer) keeps a lock that other returns drop.
 * Annotated functions are judged against their annotations instead.
 */
#include <stdio.h>
#include <string.h>

#include "symbol.h"
#include "lockscope/check.h"
#include "lockscope/diag.h"

enum bucket { B_VOID, B_NEG, B_ZERO, B_POS, B_UNKNOWN };

/* sparse keeps an int's -22 as 0xffffffea: sign-extend from its size. */
static enum bucket constant_bucket(pseudo_t value, unsigned int bits)
{
	long long v = value->value;

	if (bits > 0 && bits < 64)
		v = (long long)((unsigned long long)v << (64 - bits)) >> (64 - bits);
	if (v < 0)
		return B_NEG;
	return v ? B_POS : B_ZERO;
}

/*
 * The kind of value @value is on the way from @from to @to.  An error
 * code is often not a constant: "if (err) goto out;" ... "out: return err;"
 * returns a value tested non-zero, and "err = -EINVAL; goto out;" merges
 * constants in a phi at the label.
 */
static enum bucket value_bucket(pseudo_t value, unsigned int bits,
				struct basic_block *from, struct basic_block *to,
				bool pointer, int depth)
{
	struct basic_block *cur = from, *prev = to;
	struct instruction *def;
	enum bucket all = B_UNKNOWN;
	bool first = true;
	pseudo_t src;
	int steps;

	if (!value || value == VOID)
		return B_VOID;
	if (value->type == PSEUDO_VAL)
		return constant_bucket(value, bits);
	for (steps = 0; cur && steps < 16; steps++) {
		struct instruction *br = last_instruction(cur->insns);

		if (!pointer && br && br->opcode == OP_CBR && br->bb_true != br->bb_false) {
			int p = lockset_polarity(br->cond, value);

			if (p >= 0 && (prev == br->bb_true) == (p == 1))
				return B_NEG;
		}
		if (ptr_list_size((struct ptr_list *)cur->parents) != 1)
			break;
		prev = cur;
		cur = first_basic_block(cur->parents);
	}
	/* a phi where paths merge: what all its incoming values are */
	if (!cur || depth >= 4 || value->type != PSEUDO_REG || !(def = value->def) ||
	    def->opcode != OP_PHI || def->bb != cur)
		return B_UNKNOWN;
	FOR_EACH_PTR(def->phi_list, src) {
		enum bucket b;

		if (src == VOID || src->type != PSEUDO_PHI || !src->def)
			continue;
		b = value_bucket(src->def->phi_src, src->def->size, src->def->bb,
				 cur, pointer, depth + 1);
		if (!first && b != all)
			return B_UNKNOWN;
		all = b;
		first = false;
	} END_FOR_EACH_PTR(src);
	return all;
}

static enum bucket bucket_of(const struct return_edge *e, bool pointer)
{
	return value_bucket(e->value, e->bits, e->from, e->to, pointer, 0);
}

static bool returns_pointer(struct symbol *fn)
{
	struct symbol *type = fn;

	while (type && type->type == SYM_NODE)
		type = type->ctype.base_type;
	if (!type || type->type != SYM_FN)
		return false;
	type = type->ctype.base_type;
	while (type && type->type == SYM_NODE)
		type = type->ctype.base_type;
	return type && type->type == SYM_PTR;
}

static bool is_error_return(enum bucket b, bool pointer)
{
	return b == B_NEG || (pointer && b == B_ZERO);
}

/* A lock the caller held is, until touched, held. */
static unsigned int mask_of(const struct fn_ctx *fn, const struct return_edge *e,
			    int lock)
{
	unsigned int mask = e->state->s[lock].mask;

	if (fn->locks[lock].held_by_caller && (mask & LS_UNTOUCHED))
		mask = (mask & ~LS_UNTOUCHED) | LS_HELD;
	return mask;
}

static bool held(const struct fn_ctx *fn, const struct return_edge *e, int lock)
{
	return mask_of(fn, e, lock) == LS_HELD;
}

static bool not_held(const struct fn_ctx *fn, const struct return_edge *e, int lock)
{
	unsigned int mask = mask_of(fn, e, lock);

	return mask && !(mask & LS_HELD);
}

/*
 * Could @a and @b be one lock under two names?  A name with an unknown
 * pointer in it ("&?->lock": one of two sockets, swapped into address
 * order) may be any lock of its class, and a lock whose class is not
 * known any lock of its kind.
 */
static bool may_alias(const struct lock_slot *a, const struct lock_slot *b)
{
	if (a->kind != b->kind)
		return false;
	if (!a->ref.class_known || !b->ref.class_known)
		return true;
	return !strcmp(a->ref.klass, b->ref.klass) &&
	       (strchr(a->ref.instance, '?') || strchr(b->ref.instance, '?'));
}

/*
 * Does the return @other hold, instead of @lock, another lock: perhaps
 * @lock under another name, or one that @mine does not hold?  The latter
 * is a helper that takes one lock or another by its arguments
 * (snd_pcm_group_lock(): the mutex or the spinlock), not a path that
 * forgot to unlock.
 */
static bool holds_instead(const struct fn_ctx *fn, const struct return_edge *other,
			  const struct return_edge *mine, int lock)
{
	int m;

	for (m = 0; m < fn->nlocks; m++) {
		if (m == lock || fn->locks[m].held_by_caller || !held(fn, other, m))
			continue;
		if (may_alias(&fn->locks[lock], &fn->locks[m]) || not_held(fn, mine, m))
			return true;
	}
	return false;
}

static void check_contract(struct fn_ctx *fn, const struct lock_contract *c,
			   const struct return_edge *edges, int n)
{
	const struct lock_slot *lock = &fn->locks[c->lock];
	int i;

	if (fn->conditional || c->waived)
		return;
	for (i = 0; i < n; i++) {
		const struct return_edge *e = &edges[i];

		if (c->held_on_exit && not_held(fn, e, c->lock)) {
			ls_warn(e->pos, "inconsistent-return",
				"%s() returns without holding '%s', but its annotation says it %s",
				fn->name, lock->ref.instance,
				c->held_on_entry ? "must hold it" : "acquires it");
			ls_note(c->pos, "annotated here");
			return;
		}
		if (!c->held_on_exit && held(fn, e, c->lock)) {
			ls_warn(e->pos, "inconsistent-return",
				"%s() returns still holding '%s', but its annotation says it releases it",
				fn->name, lock->ref.instance);
			ls_note(c->pos, "annotated here");
			return;
		}
	}
}

static const struct lock_contract *contract_of(struct fn_ctx *fn, int lock)
{
	int i;

	for (i = 0; i < fn->ncontracts; i++)
		if (fn->contracts[i].lock == lock)
			return &fn->contracts[i];
	return NULL;
}

static void check_lock(struct fn_ctx *fn, int lock,
		       const struct return_edge *edges, int n, bool pointer)
{
	const struct lock_slot *slot = &fn->locks[lock];
	const struct return_edge *bad = NULL, *other = NULL;
	int i, j;

	for (i = 0; i < n && !bad; i++) {
		enum bucket hb;

		/* a caller's lock must have been taken again here to count */
		if (edges[i].state->s[lock].mask != LS_HELD)
			continue;
		hb = bucket_of(&edges[i], pointer);
		if (lockset_debug)
			fprintf(stderr, "held return at line %d: bucket %d\n",
				edges[i].pos.line, hb);
		for (j = 0; j < n; j++) {
			if (!not_held(fn, &edges[j], lock) ||
			    holds_instead(fn, &edges[j], &edges[i], lock))
				continue;
			if (bucket_of(&edges[j], pointer) != hb && !is_error_return(hb, pointer))
				continue;
			bad = &edges[i];
			/* prefer a return that released it: the note shows where */
			if (!other || edges[j].state->s[lock].mask == LS_RELEASED)
				other = &edges[j];
		}
	}
	if (!bad)
		return;

	ls_warn(bad->pos, "inconsistent-return",
		"inconsistent returns of '%s' in %s(): held on this return, not held on the return at line %d",
		slot->ref.instance, fn->name, other->pos.line);
	ls_note(bad->state->s[lock].held_at, "'%s' (%s) acquired here",
		slot->ref.instance, slot->ref.klass);
	if (other->state->s[lock].mask == LS_RELEASED)
		ls_note(other->state->s[lock].released_at, "released here on the path to line %d",
			other->pos.line);
	ls_note(other->pos, "returns without '%s' here", slot->ref.instance);
}

static void inconsistent_return_exits(struct fn_ctx *fn,
				      const struct return_edge *edges, int n)
{
	bool pointer = returns_pointer(fn->fn);
	int lock;

	for (lock = 0; lock < fn->nlocks; lock++) {
		const struct lock_contract *c = contract_of(fn, lock);

		if (c)
			check_contract(fn, c, edges, n);
		else if (!fn->conditional && fn->locks[lock].ref.instance_known &&
			 !fn->locks[lock].reported && !fn->locks[lock].implied)
			check_lock(fn, lock, edges, n, pointer);
	}
}

static const struct check inconsistent_return = {
	.name = "inconsistent-return",
	.exits = inconsistent_return_exits,
};

void register_inconsistent_return(void)
{
	check_register(&inconsistent_return);
}
