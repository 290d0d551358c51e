// SPDX-License-Identifier: MIT
/*
 * The lockset engine: which locks are held at every instruction.
 *
 * 1. Recognise lock events: calls (and inlined calls) of functions in the
 *    lock table, and calls of functions with context annotations.
 * 2. Forward dataflow over the basic blocks to a fixpoint.  A trylock's
 *    result is followed into the conditional branch that tests it, so the
 *    lock is held only on the success edge.
 * 3. Replay each block with its final in-state and call the checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expression.h"
#include "lib.h"
#include "symbol.h"
#include "lockscope/annotations.h"
#include "lockscope/check.h"
#include "lockscope/irqline.h"
#include "lockscope/softirq_test.h"
#include "lockscope/source.h"
#include "lockscope/strbuf.h"
#include "lockscope/waits.h"

struct bb_info {
	int nevents;
	struct lock_event *events;
	struct lockset in;
	bool reached;
	bool queued;
};

bool lockset_debug;

/* ---- lock slots ------------------------------------------------------ */

static void add_base(struct lock_slot *slot, pseudo_t base)
{
	int i;

	if (!base)
		return;
	for (i = 0; i < slot->nbases; i++)
		if (slot->bases[i] == base)
			return;
	if (slot->nbases < LOCK_MAX_BASES)
		slot->bases[slot->nbases++] = base;
}

static int slot_for(struct fn_ctx *fn, struct lock_ref *ref, enum lock_kind kind)
{
	struct lock_slot *slot;
	int i;

	for (i = 0; i < fn->nlocks; i++) {
		slot = &fn->locks[i];
		if (!strcmp(slot->ref.key, ref->key)) {
			if (slot->kind == LK_CONTEXT)
				slot->kind = kind;
			add_base(slot, ref->base);
			lockid_release(ref);
			return i;
		}
	}
	fn->locks = ls_xrealloc(fn->locks, (fn->nlocks + 1) * sizeof(*fn->locks));
	slot = &fn->locks[fn->nlocks];
	memset(slot, 0, sizeof(*slot));
	slot->ref = *ref;
	slot->kind = kind;
	add_base(slot, ref->base);
	memset(ref, 0, sizeof(*ref));
	return fn->nlocks++;
}

/* ---- lock sets ------------------------------------------------------- */

static void set_init(struct lockset *s, int n)
{
	int i;

	s->n = n;
	s->s = ls_xcalloc(n, sizeof(*s->s));
	for (i = 0; i < n; i++) {
		s->s[i].mask = LS_UNTOUCHED;
		s->s[i].subclass = -1;
	}
}

static void set_copy(struct lockset *dst, const struct lockset *src)
{
	if (dst->n != src->n) {
		free(dst->s);
		dst->s = ls_xcalloc(src->n, sizeof(*src->s));
		dst->n = src->n;
	}
	if (src->n)
		memcpy(dst->s, src->s, src->n * sizeof(*src->s));
}

static void set_free(struct lockset *s)
{
	free(s->s);
	s->s = NULL;
	s->n = 0;
}

/* Unite @from into @into; true if @into changed. */
static bool set_merge(struct lockset *into, const struct lockset *from)
{
	bool changed = false;
	int i;

	for (i = 0; i < into->n; i++) {
		struct lock_state *a = &into->s[i];
		const struct lock_state *b = &from->s[i];

		if ((a->mask | b->mask) != a->mask) {
			a->mask |= b->mask;
			changed = true;
		}
		if (a->depth != b->depth && a->depth != -1) {
			a->depth = -1;
			changed = true;
		}
		if (a->try_result != b->try_result && a->try_result) {
			a->try_result = NULL;
			changed = true;
		}
		if (!a->held_at.line)
			a->held_at = b->held_at;
		if (!a->released_at.line)
			a->released_at = b->released_at;
	}
	return changed;
}

static void apply(struct fn_ctx *fn, struct lockset *set,
		  const struct lock_event *ev)
{
	struct lock_state *s = &set->s[ev->lock];

	/* releasing what this function never took: the caller holds it */
	if (ev->op == LOP_RELEASE && (s->mask & LS_UNTOUCHED))
		fn->locks[ev->lock].held_by_caller = true;
	switch (ev->op) {
	case LOP_ACQUIRE:
		if (s->mask == LS_HELD && s->depth > 0)
			s->depth++;
		else
			s->depth = 1;
		s->mask = LS_HELD;
		s->mode = ev->mode;
		s->subclass = ev->subclass;
		s->held_at = ev->pos;
		s->try_result = NULL;
		break;
	case LOP_TRY:
	case LOP_TRY_ZERO:
		s->try_result = ev->insn->target;
		s->try_zero = ev->op == LOP_TRY_ZERO;
		s->try_prev_mask = s->mask;
		s->try_prev_depth = s->depth;
		/* until the result is tested: maybe held, maybe as before */
		s->mask |= LS_HELD;
		s->depth = -1;
		s->mode = ev->mode;
		s->subclass = ev->subclass;
		s->held_at = ev->pos;
		break;
	case LOP_RELEASE:
		if (s->mask == LS_HELD && s->depth > 1) {
			s->depth--;
		} else {
			s->mask = LS_RELEASED;
			s->depth = 0;
		}
		s->released_at = ev->pos;
		s->try_result = NULL;
		break;
	case LOP_DOWNGRADE:
		s->mode = LM_SHARED;
		break;
	}
}

/*
 * Does @cond being true mean a value that @match picks out is non-zero
 * (1), zero (0), or is it not known (-1)?
 */
static int polarity(pseudo_t cond, pseudo_match_fn match, const void *data,
		    int depth)
{
	struct instruction *def;
	int p;

	if (match(cond, data))
		return 1;
	if (depth > 8 || cond->type != PSEUDO_REG || !(def = cond->def))
		return -1;
	switch (def->opcode) {
	case OP_ZEXT:
	case OP_SEXT:
	case OP_TRUNC:
	case OP_COPY:
	case OP_PTRCAST:
	case OP_PTRTU:
	case OP_UTPTR:
		return polarity(def->src, match, data, depth + 1);
	case OP_SET_NE:
	case OP_SET_EQ:
		if (!is_zero(def->src2))
			return -1;
		p = polarity(def->src1, match, data, depth + 1);
		if (p < 0 || def->opcode == OP_SET_NE)
			return p;
		return !p;
	case OP_SET_LT:
		/* ret < 0: an error code, so non-zero */
		if (!is_zero(def->src2))
			return -1;
		return polarity(def->src1, match, data, depth + 1) == 1 ? 1 : -1;
	default:
		return -1;
	}
}

int lockset_polarity_of(pseudo_t cond, pseudo_match_fn match, const void *data)
{
	return polarity(cond, match, data, 0);
}

static bool same_pseudo(pseudo_t p, const void *value)
{
	return p == value;
}

int lockset_polarity(pseudo_t cond, pseudo_t value)
{
	return polarity(cond, same_pseudo, value, 0);
}

/* The implied "bh" of in_softirq() tests, or -1. */
static int bh_slot(const struct fn_ctx *fn)
{
	int i;

	for (i = 0; i < fn->nlocks; i++)
		if (fn->locks[i].kind == LK_BH && !strcmp(fn->locks[i].ref.key, "bh"))
			return i;
	return -1;
}

/* Past "if (in_softirq())" softirqs are off: as if "bh" were held. */
static void softirq_edge(const struct fn_ctx *fn, const struct instruction *br,
			 const struct basic_block *to, struct lockset *edge)
{
	int p = softirq_test_polarity(br->cond), slot;
	struct lock_state *s;

	if (p < 0 || (to == br->bb_true) != (p == 1) || (slot = bh_slot(fn)) < 0)
		return;
	s = &edge->s[slot];
	if (s->mask == LS_HELD)
		return;
	s->mask = LS_HELD;
	s->depth = 1;
	s->held_at = br->pos;
}

/* The state flowing from @bb (ending in @out) into its successor @to. */
static void edge_state(const struct fn_ctx *fn, const struct basic_block *bb,
		       const struct lockset *out, const struct basic_block *to,
		       struct lockset *edge)
{
	struct instruction *br = last_instruction(bb->insns);
	int i;

	set_copy(edge, out);
	if (!br || br->opcode != OP_CBR || br->bb_true == br->bb_false)
		return;
	for (i = 0; i < edge->n; i++) {
		struct lock_state *s = &edge->s[i];
		const struct lock_slot *slot = &fn->locks[i];
		bool success;
		int p, b;

		/* where the lock's pointer is NULL, there is no lock */
		for (b = 0; b < slot->nbases; b++) {
			p = lockset_polarity(br->cond, slot->bases[b]);
			if (p >= 0 && (to == br->bb_true) != (p == 1)) {
				s->mask = 0;
				s->try_result = NULL;
			}
		}

		if (!s->try_result)
			continue;
		p = lockset_polarity(br->cond, s->try_result);
		if (p < 0)
			continue;
		/* on the true edge the result is non-zero iff p == 1 */
		success = (to == br->bb_true) == ((p == 1) != s->try_zero);
		if (success) {
			/* a trylock of a lock held already nests */
			s->depth = s->try_prev_mask == LS_HELD && s->try_prev_depth > 0 ?
				   s->try_prev_depth + 1 : 1;
			s->mask = LS_HELD;
		} else {
			s->mask = s->try_prev_mask;
			s->depth = s->try_prev_depth;
		}
		s->try_result = NULL;
	}
	softirq_edge(fn, br, to, edge);
}

/* ---- where instructions are ------------------------------------------ */

static struct symbol *call_target(struct instruction *insn)
{
	if (insn->func && insn->func->type == PSEUDO_SYM)
		return insn->func->sym;
	return NULL;
}

/* Not show_ident(): its buffers are reused, these names must stay. */
static const char *sym_name(struct symbol *sym)
{
	return sym && sym->ident ? sym->ident->name : NULL;
}

const char *lock_event_name(const struct lock_event *ev)
{
	static char name[128];
	struct position pos = ev->pos;

	name[0] = '\0';
	source_call_name(&pos, name, sizeof(name));
	return name[0] ? name : ev->callee;
}

/* ---- recognising lock events ----------------------------------------- */

static pseudo_t nth_arg(struct instruction *insn, int n)
{
	pseudo_t p;
	int i = 0;

	FOR_EACH_PTR(insn->arguments, p) {
		if (i++ == n)
			return p;
	} END_FOR_EACH_PTR(p);
	return NULL;
}

static const char *const op_names[] = {
	"acquire", "release", "try", "try0", "downgrade",
};

static void add_event(struct fn_ctx *fn, struct bb_info *bi,
		      const struct lock_event *ev)
{
	if (lockset_debug)
		fprintf(stderr, "%s:%d:%d: event: %s %s '%s' (%s) key %s in .L%u\n",
			stream_name(ev->pos.stream), ev->pos.line, ev->pos.pos,
			ev->callee, op_names[ev->op], fn->locks[ev->lock].ref.instance,
			fn->locks[ev->lock].ref.klass, fn->locks[ev->lock].ref.key,
			ev->insn->bb->nr);
	bi->events = ls_xrealloc(bi->events, (bi->nevents + 1) * sizeof(*ev));
	bi->events[bi->nevents++] = *ev;
}

static bool table_event(struct fn_ctx *fn, struct instruction *insn,
			struct lock_event *ev)
{
	struct symbol *callee = call_target(insn);
	const struct lock_api *api = rules_lookup(sym_name(callee) ?: "");
	struct lock_ref ref;
	pseudo_t arg;

	if (!api)
		return false;
	if (api->arg < 0) {
		lockid_fixed(api->fixed, &ref);
	} else {
		arg = nth_arg(insn, api->arg);
		if (!arg || arg == VOID)
			return false;
		lockid_describe(fn->ep, arg, lockid_param_pointee(callee, api->arg),
				api->member, &ref);
	}
	ev->insn = insn;
	ev->pos = insn->pos;
	ev->callee = api->name;
	ev->op = api->op;
	ev->mode = api->mode;
	ev->context = api->context;
	ev->subclass = -1;
	if (api->subclass_arg >= 0) {
		arg = nth_arg(insn, api->subclass_arg);
		if (arg && arg->type == PSEUDO_VAL)
			ev->subclass = arg->value;
	}
	ev->lock = slot_for(fn, &ref, api->kind);
	return true;
}

/*
 * spin_lock_bh() also disables softirqs and spin_unlock_bh() enables them:
 * a second event on "bh", so that local_bh_disable() + spin_lock() pairs
 * with spin_unlock_bh().  The _irq flavours do the same on "irq", so that
 * a call's held locks say whether hard irqs are off there.
 */
static void shadow_event(struct fn_ctx *fn, struct bb_info *bi,
			 const struct lock_event *lock, enum lock_kind kind,
			 unsigned int off, unsigned int on)
{
	struct lock_event ev = *lock;
	struct lock_ref ref;

	if (fn->locks[lock->lock].kind == kind)
		return;
	if (lock->op == LOP_ACQUIRE && (lock->context & off))
		ev.op = LOP_ACQUIRE;
	else if (lock->op == LOP_RELEASE && (lock->context & on))
		ev.op = LOP_RELEASE;
	else
		return;
	lockid_fixed(lock_kinds[kind].name, &ref);
	ev.mode = LM_EXCL;
	ev.subclass = -1;
	ev.lock = slot_for(fn, &ref, kind);
	if (!fn->locks[ev.lock].explicit_use)
		fn->locks[ev.lock].implied = true;
	add_event(fn, bi, &ev);
}

static void bh_event(struct fn_ctx *fn, struct bb_info *bi, const struct lock_event *lock)
{
	shadow_event(fn, bi, lock, LK_BH, CTX_BH_OFF, CTX_BH_ON);
	shadow_event(fn, bi, lock, LK_IRQ, CTX_IRQ_OFF, CTX_IRQ_ON);
}

/* Calls written in the checked file to functions with context annotations. */
static void annotated_events(struct fn_ctx *fn, struct bb_info *bi,
			     struct instruction *insn)
{
	struct symbol *type = first_symbol(insn->fntypes);
	struct context *ctx;

	if (!type)
		return;
	FOR_EACH_PTR(type->ctype.contexts, ctx) {
		enum annotation ann = annotation_kind(ctx);
		struct lock_event ev = { 0 };
		struct lock_ref ref;

		if (ann != ANN_ACQUIRES && ann != ANN_RELEASES)
			continue;
		if (!annotation_lock(fn->ep, type, ctx->context, insn->arguments, &ref))
			continue;
		ev.insn = insn;
		ev.pos = insn->pos;
		ev.callee = sym_name(call_target(insn)) ?: "(*fn)";
		ev.op = ann == ANN_ACQUIRES ? LOP_ACQUIRE : LOP_RELEASE;
		ev.mode = LM_EXCL;
		ev.subclass = -1;
		ev.lock = slot_for(fn, &ref, LK_CONTEXT);
		add_event(fn, bi, &ev);
	} END_FOR_EACH_PTR(ctx);
}

/* A call of the file's own helper that masks or unmasks interrupt lines. */
static bool irqline_event(struct fn_ctx *fn, struct instruction *insn,
			  struct lock_event *ev)
{
	struct symbol *callee = call_target(insn);
	int op = irqline_helper_op(callee);
	struct lock_ref ref;

	if (op < 0)
		return false;
	lockid_fixed(lock_kinds[LK_IRQLINE].name, &ref);
	memset(ev, 0, sizeof(*ev));
	ev->insn = insn;
	ev->pos = insn->pos;
	ev->callee = sym_name(callee) ?: "?";
	ev->op = op;
	ev->mode = LM_EXCL;
	ev->subclass = -1;
	ev->lock = slot_for(fn, &ref, LK_IRQLINE);
	return true;
}

/* A slot for the "bh" that in_softirq() tests imply. */
static void softirq_tests(struct fn_ctx *fn, struct basic_block *bb)
{
	struct instruction *br = last_instruction(bb->insns);
	struct lock_ref ref;
	int slot;

	if (!br || br->opcode != OP_CBR || softirq_test_polarity(br->cond) < 0)
		return;
	lockid_fixed(lock_kinds[LK_BH].name, &ref);
	slot = slot_for(fn, &ref, LK_BH);
	if (!fn->locks[slot].explicit_use)
		fn->locks[slot].implied = true;
}

static void find_events(struct fn_ctx *fn)
{
	struct instruction *insn;
	struct basic_block *bb;

	FOR_EACH_PTR(fn->ep->bbs, bb) {
		softirq_tests(fn, bb);
		FOR_EACH_PTR(bb->insns, insn) {
			struct lock_event ev;

			if (!insn->bb || insn->opcode != OP_CALL)
				continue;
			if (table_event(fn, insn, &ev)) {
				fn->locks[ev.lock].explicit_use = true;
				fn->locks[ev.lock].implied = false;
				add_event(fn, bb->priv, &ev);
				bh_event(fn, bb->priv, &ev);
			} else if (irqline_event(fn, insn, &ev)) {
				fn->locks[ev.lock].explicit_use = true;
				add_event(fn, bb->priv, &ev);
			} else {
				annotated_events(fn, bb->priv, insn);
			}
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

/* ---- the function's own annotations ---------------------------------- */

static struct lock_contract *contract_for(struct fn_ctx *fn, int lock)
{
	int i;

	for (i = 0; i < fn->ncontracts; i++)
		if (fn->contracts[i].lock == lock)
			return &fn->contracts[i];
	return NULL;
}

static void find_contracts(struct fn_ctx *fn)
{
	struct context *ctx;

	FOR_EACH_PTR(fn->fn->ctype.contexts, ctx) {
		enum annotation ann = annotation_kind(ctx);
		struct lock_contract *c;
		struct lock_ref ref;
		int lock;

		if (ann == ANN_COND) {
			fn->conditional = true;
			continue;
		}
		if (ann == ANN_NONE)
			continue;
		if (!annotation_lock(fn->ep, fn->fn, ctx->context,
				     fn->ep->entry->arg_list, &ref))
			continue;
		lock = slot_for(fn, &ref, LK_CONTEXT);
		c = contract_for(fn, lock);
		if (c) {
			/* __releases(x) __acquires(x): x is held across the call */
			c->held_on_entry = true;
			c->held_on_exit = true;
			continue;
		}
		fn->contracts = ls_xrealloc(fn->contracts,
					    (fn->ncontracts + 1) * sizeof(*fn->contracts));
		c = &fn->contracts[fn->ncontracts++];
		c->lock = lock;
		c->held_on_entry = ann == ANN_RELEASES || ann == ANN_MUST_HOLD;
		c->held_on_exit = ann == ANN_ACQUIRES || ann == ANN_MUST_HOLD;
		c->waived = false;
		c->pos = fn->fn->pos;
	} END_FOR_EACH_PTR(ctx);
}

/*
 * __acquire(x) / __release(x) in the body: the function balances sparse's
 * context by hand (a lock handed over, a fast path), so its annotation on
 * x is a promise we cannot check.
 */
static void waive_contracts(struct fn_ctx *fn)
{
	struct instruction *insn;
	struct basic_block *bb;

	if (!fn->ncontracts)
		return;
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			struct lock_contract *c;
			struct lock_ref ref;
			int i;

			if (!insn->bb || insn->opcode != OP_CONTEXT || !insn->context_expr)
				continue;
			if (!annotation_lock(fn->ep, fn->fn, insn->context_expr,
					     fn->ep->entry->arg_list, &ref))
				continue;
			for (i = 0; i < fn->nlocks; i++)
				if (!strcmp(fn->locks[i].ref.key, ref.key) &&
				    (c = contract_for(fn, i)))
					c->waived = true;
			lockid_release(&ref);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

/* ---- the dataflow ---------------------------------------------------- */

/*
 * A lock named through a loop cursor is another object each time the
 * cursor's phi takes a value: what was known of it is forgotten there.
 */
static void forget_cursors(const struct fn_ctx *fn, struct basic_block *bb,
			   struct lockset *set)
{
	int i;

	for (i = 0; i < fn->nlocks; i++) {
		pseudo_t phi = fn->locks[i].ref.loop_phi;

		if (phi && phi->def->bb == bb && set->s[i].mask) {
			set->s[i].mask = LS_UNTOUCHED;
			set->s[i].depth = 0;
			set->s[i].try_result = NULL;
		}
	}
}

static void transfer(struct fn_ctx *fn, struct basic_block *bb,
		     struct lockset *set)
{
	struct bb_info *bi = bb->priv;
	int i;

	forget_cursors(fn, bb, set);
	for (i = 0; i < bi->nevents; i++)
		apply(fn, set, &bi->events[i]);
}

static void solve(struct fn_ctx *fn, const struct lockset *entry)
{
	struct basic_block **work;
	struct basic_block *bb, *child;
	struct lockset out = { 0 }, edge = { 0 };
	int nbbs = 0, head = 0, tail = 0, cap;

	FOR_EACH_PTR(fn->ep->bbs, bb) {
		nbbs++;
	} END_FOR_EACH_PTR(bb);
	cap = nbbs + 1;
	work = ls_xmalloc(cap * sizeof(*work));

	bb = fn->ep->entry->bb;
	set_copy(&((struct bb_info *)bb->priv)->in, entry);
	((struct bb_info *)bb->priv)->reached = true;
	((struct bb_info *)bb->priv)->queued = true;
	work[tail++ % cap] = bb;

	while (head != tail) {
		struct bb_info *bi;

		bb = work[head++ % cap];
		bi = bb->priv;
		bi->queued = false;
		set_copy(&out, &bi->in);
		transfer(fn, bb, &out);
		FOR_EACH_PTR(bb->children, child) {
			struct bb_info *ci = child->priv;
			bool changed;

			if (!ci)
				continue;
			edge_state(fn, bb, &out, child, &edge);
			if (!ci->reached) {
				set_copy(&ci->in, &edge);
				ci->reached = true;
				changed = true;
			} else {
				changed = set_merge(&ci->in, &edge);
			}
			if (changed && !ci->queued) {
				ci->queued = true;
				work[tail++ % cap] = child;
			}
		} END_FOR_EACH_PTR(child);
	}
	set_free(&out);
	set_free(&edge);
	free(work);
}

/* ---- replay for the checks ------------------------------------------- */

/*
 * For a release at a join ("out_unlock:" reached by several gotos): is
 * there a way in along which the lock is already released?  Only the
 * first event of that lock in its block is judged by its ways in.
 */
bool lockset_released_on_entry_edge(struct fn_ctx *fn, const struct lock_event *ev,
				    struct position *released_at)
{
	struct basic_block *bb = ev->insn->bb, *pred;
	struct bb_info *bi = bb->priv;
	struct lockset out = { 0 }, edge = { 0 };
	bool found = false;
	int i;

	for (i = 0; i < bi->nevents && &bi->events[i] != ev; i++)
		if (bi->events[i].lock == ev->lock)
			return false;
	FOR_EACH_PTR(bb->parents, pred) {
		struct bb_info *pi = pred->priv;

		if (!pi || !pi->reached)
			continue;
		set_copy(&out, &pi->in);
		transfer(fn, pred, &out);
		edge_state(fn, pred, &out, bb, &edge);
		forget_cursors(fn, bb, &edge);
		if (edge.s[ev->lock].mask == LS_RELEASED) {
			*released_at = edge.s[ev->lock].released_at;
			found = true;
			break;
		}
	} END_FOR_EACH_PTR(pred);
	set_free(&out);
	set_free(&edge);
	return found;
}

static void replay_event(struct fn_ctx *fn, const struct lock_event *ev,
			 struct lockset *cur)
{
	int c;

	for (c = 0; c < nr_checks; c++) {
		if (ev->op == LOP_RELEASE && checks[c]->release)
			checks[c]->release(fn, ev, cur);
		else if (ev->op != LOP_RELEASE && ev->op != LOP_DOWNGRADE &&
			 checks[c]->acquire)
			checks[c]->acquire(fn, ev, cur);
	}
	apply(fn, cur, ev);
}

static void replay_block(struct fn_ctx *fn, struct basic_block *bb)
{
	struct bb_info *bi = bb->priv;
	struct lockset cur = { 0 };
	struct instruction *insn;
	const char *name;
	int next = 0, c;

	set_copy(&cur, &bi->in);
	forget_cursors(fn, bb, &cur);
	FOR_EACH_PTR(bb->insns, insn) {
		if (!insn->bb || insn->opcode != OP_CALL)
			continue;
		/*
		 * lock API calls are events only; annotated calls are both,
		 * and so are lock API calls that also wait (disable_irq())
		 */
		name = sym_name(call_target(insn)) ?: "";
		if (!rules_lookup(name) || wait_rule(name)) {
			for (c = 0; c < nr_checks; c++)
				if (checks[c]->call)
					checks[c]->call(fn, insn, &cur);
		}
		while (next < bi->nevents && bi->events[next].insn == insn)
			replay_event(fn, &bi->events[next++], &cur);
	} END_FOR_EACH_PTR(insn);
	set_free(&cur);
}

/*
 * sparse turns "if (c) return A; ... return B;" into a select in the
 * entry block: find the branch on the same condition that leads to @pred.
 */
static pseudo_t resolve_select(struct instruction *sel, struct basic_block *pred,
			       struct basic_block *to)
{
	int steps;

	for (steps = 0; pred && steps < 16; steps++) {
		struct instruction *br = last_instruction(pred->insns);

		if (br && br->opcode == OP_CBR && br->cond == sel->src1 &&
		    br->bb_true != br->bb_false)
			return to == br->bb_true ? sel->src2 : sel->src3;
		if (ptr_list_size((struct ptr_list *)pred->parents) != 1)
			break;
		to = pred;
		pred = first_basic_block(pred->parents);
	}
	return sel->target;
}

static pseudo_t returned_value(struct instruction *ret, struct basic_block *pred)
{
	struct instruction *def;
	pseudo_t src, value = ret->src;

	if (!value || value == VOID)
		return NULL;
	if (value->type != PSEUDO_REG || !(def = value->def))
		return value;
	if (def->opcode == OP_PHI) {
		FOR_EACH_PTR(def->phi_list, src) {
			if (src == VOID || src->type != PSEUDO_PHI || !src->def)
				continue;
			if (src->def->bb == pred) {
				value = src->def->phi_src;
				break;
			}
		} END_FOR_EACH_PTR(src);
		if (value->type != PSEUDO_REG || !(def = value->def))
			return value;
	}
	if (def->opcode == OP_SEL && pred)
		return resolve_select(def, pred, ret->bb);
	return value;
}

static void debug_edge(const struct fn_ctx *fn, const struct return_edge *e)
{
	int i;

	fprintf(stderr, "%s:%d:%d: return %s:", stream_name(e->pos.stream),
		e->pos.line, e->pos.pos, e->value ? show_pseudo(e->value) : "void");
	for (i = 0; i < fn->nlocks; i++)
		fprintf(stderr, " '%s'=%x", fn->locks[i].ref.instance,
			e->state->s[i].mask);
	fputc('\n', stderr);
}

/* Hand every edge into a returning block, with its state, to the checks. */
static void replay_exits(struct fn_ctx *fn)
{
	struct return_edge *edges = NULL;
	struct lockset *states = NULL;
	struct basic_block *bb, *pred;
	int n = 0, i, c;

	FOR_EACH_PTR(fn->ep->bbs, bb) {
		struct instruction *ret = last_instruction(bb->insns);
		struct bb_info *bi = bb->priv;
		bool any = false;

		if (!bi || !bi->reached || !ret || ret->opcode != OP_RET)
			continue;
		FOR_EACH_PTR(bb->parents, pred) {
			struct bb_info *pi = pred->priv;
			struct instruction *br = last_instruction(pred->insns);
			struct lockset out = { 0 };

			if (!pi || !pi->reached)
				continue;
			set_copy(&out, &pi->in);
			transfer(fn, pred, &out);
			edges = ls_xrealloc(edges, (n + 1) * sizeof(*edges));
			states = ls_xrealloc(states, (n + 1) * sizeof(*states));
			memset(&states[n], 0, sizeof(states[n]));
			edge_state(fn, pred, &out, bb, &states[n]);
			transfer(fn, bb, &states[n]);
			edges[n].pos = br ? br->pos : pred->pos;
			edges[n].value = returned_value(ret, pred);
			edges[n].bits = ret->size;
			edges[n].from = pred;
			edges[n].to = bb;
			n++;
			any = true;
			set_free(&out);
		} END_FOR_EACH_PTR(pred);
		if (!any) {
			/* the entry block returns directly */
			edges = ls_xrealloc(edges, (n + 1) * sizeof(*edges));
			states = ls_xrealloc(states, (n + 1) * sizeof(*states));
			memset(&states[n], 0, sizeof(states[n]));
			set_copy(&states[n], &bi->in);
			transfer(fn, bb, &states[n]);
			edges[n].pos = ret->pos;
			edges[n].value = returned_value(ret, NULL);
			edges[n].bits = ret->size;
			edges[n].from = NULL;
			edges[n].to = bb;
			n++;
		}
	} END_FOR_EACH_PTR(bb);

	for (i = 0; i < n; i++) {
		edges[i].state = &states[i];
		if (lockset_debug)
			debug_edge(fn, &edges[i]);
	}
	for (c = 0; c < nr_checks; c++)
		if (checks[c]->exits && n)
			checks[c]->exits(fn, edges, n);
	irqline_learn(fn, edges, n);
	for (i = 0; i < n; i++)
		set_free(&states[i]);
	free(states);
	free(edges);
}

void lockset_analyse(struct entrypoint *ep)
{
	struct fn_ctx fn = { 0 };
	struct lockset entry = { 0 };
	struct basic_block *bb;
	struct bb_info *infos;
	int nbbs = 0, i;

	if (!ep || !ep->entry || !ep->entry->bb)
		return;
	FOR_EACH_PTR(ep->bbs, bb) {
		nbbs++;
	} END_FOR_EACH_PTR(bb);
	infos = ls_xcalloc(nbbs, sizeof(*infos));
	i = 0;
	FOR_EACH_PTR(ep->bbs, bb) {
		bb->priv = &infos[i++];
	} END_FOR_EACH_PTR(bb);

	fn.ep = ep;
	fn.fn = ep->name;
	fn.name = sym_name(ep->name) ?: "?";
	find_contracts(&fn);
	waive_contracts(&fn);
	find_events(&fn);

	for (i = 0; i < nr_checks; i++)
		if (checks[i]->function)
			checks[i]->function(&fn);
	{
		set_init(&entry, fn.nlocks);
		for (i = 0; i < fn.ncontracts; i++) {
			struct lock_state *s = &entry.s[fn.contracts[i].lock];

			if (fn.contracts[i].held_on_entry) {
				s->mask = LS_HELD;
				s->depth = 1;
				s->held_at = fn.contracts[i].pos;
			}
		}
		for (i = 0; i < nbbs; i++)
			set_init(&infos[i].in, fn.nlocks);
		solve(&fn, &entry);
		FOR_EACH_PTR(ep->bbs, bb) {
			if (((struct bb_info *)bb->priv)->reached)
				replay_block(&fn, bb);
		} END_FOR_EACH_PTR(bb);
		replay_exits(&fn);
	}

	FOR_EACH_PTR(ep->bbs, bb) {
		struct bb_info *bi = bb->priv;

		free(bi->events);
		set_free(&bi->in);
		bb->priv = NULL;
	} END_FOR_EACH_PTR(bb);
	free(infos);
	set_free(&entry);
	for (i = 0; i < fn.nlocks; i++)
		lockid_release(&fn.locks[i].ref);
	free(fn.locks);
	free(fn.contracts);
}
