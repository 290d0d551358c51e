// SPDX-License-Identifier: MIT
/*
 * Lock identity: turn the pseudo a lock API call receives back into the
 * C expression it was written as, and into a lockdep-style class.
 *
 * The walk follows the pseudo's definition through sparse's IR: member
 * offsets (OP_ADD of a constant) become member names by looking them up in
 * the struct type, loads become "->", casts supply the type where pointer
 * arithmetic lost it (netdev_priv(), container_of()).
 */
#include <stdio.h>
#include <string.h>

#include "lib.h"
#include "symbol.h"
#include "lockscope/irtypes.h"
#include "lockscope/lockid.h"
#include "lockscope/strbuf.h"

#define MAX_DEPTH 16
/* Steps one name may take: phis of phis in loops would be exponential. */
#define BUDGET 512
#define MAX_PHI_DEPTH 3

static int budget;

enum root_kind {
	ROOT_PARAM,
	ROOT_GLOBAL,	/* an object with static storage */
	ROOT_LOCAL,	/* an object on the stack */
	ROOT_OPAQUE,	/* a call result, a conditional, an address constant */
};

/* The object a pointer points to, being named. */
struct desc {
	enum root_kind root;
	struct symbol *sym;		/* ROOT_GLOBAL, ROOT_LOCAL */
	int param;			/* ROOT_PARAM */
	struct strbuf root_text;
	struct strbuf tail;		/* "->idev->lock" */
	bool deref;			/* the object is *(root tail) */
	bool derefed;			/* some load was followed */
	bool unique;			/* named by a pseudo: compare by it */
	bool constant;			/* a constant address: not a lock */
	pseudo_t loop_phi;		/* a phi the name depends on */
	struct strbuf index_ids;	/* the variable indices: same pseudo, same element */
	struct symbol *inner;		/* the struct the last member is in */
	struct strbuf inner_member;	/* and that member */
	bool via_container_of;		/* not a path a caller can follow */
	pseudo_t base;			/* the last pointer followed */
	int unique_nr;
	struct symbol *type;		/* the object's type */
	struct symbol *container;	/* struct the member path starts in */
	struct strbuf member;		/* member path from the container */
};

static void desc_init(struct desc *d)
{
	memset(d, 0, sizeof(*d));
	d->param = -1;
}

static void desc_release(struct desc *d)
{
	sb_release(&d->inner_member);
	sb_release(&d->index_ids);
	sb_release(&d->root_text);
	sb_release(&d->tail);
	sb_release(&d->member);
}

static struct symbol *base_type(struct symbol *sym)
{
	while (sym && (sym->type == SYM_NODE || sym->type == SYM_TYPEOF))
		sym = get_base_type(sym);
	return sym;
}

static struct symbol *pointee(struct symbol *type)
{
	type = base_type(type);
	if (!type || type->type != SYM_PTR)
		return NULL;
	return base_type(get_base_type(type));
}

static bool is_aggregate(struct symbol *type)
{
	return type && (type->type == SYM_STRUCT || type->type == SYM_UNION);
}

/* Lock types that are a lock as a whole, never a way into their members. */
static bool is_lock_type(struct symbol *type)
{
	static const char *const tags[] = {
		"spinlock", "raw_spinlock", "mutex", "rw_semaphore",
		"semaphore", "srcu_struct", "rt_mutex", "ww_mutex", NULL,
	};
	const char *name;
	int i;

	if (!type || type->type != SYM_STRUCT || !type->ident)
		return false;
	name = show_ident(type->ident);
	for (i = 0; tags[i]; i++)
		if (!strcmp(name, tags[i]))
			return true;
	return false;
}

const char *lockid_symbol_name(struct symbol *sym, char *buf, int size)
{
	const char *name = sym->ident ? show_ident(sym->ident) : "<anon>";

	if (sym->ctype.modifiers & MOD_STATIC)
		snprintf(buf, size, "%s:%s", stream_name(sym->pos.stream), name);
	else
		snprintf(buf, size, "%s", name);
	return buf;
}

static void make_unique(struct desc *d, pseudo_t p)
{
	d->unique = true;
	d->unique_nr = p->nr;
	if (p->type == PSEUDO_REG && p->def && p->def->opcode == OP_PHI)
		d->loop_phi = p;
}

/* @in: the struct @name is a member of, for the lockdep-style class. */
static void add_member_name(struct desc *d, struct symbol *in, const char *name)
{
	d->inner = in;
	sb_reset(&d->inner_member);
	sb_add(&d->inner_member, name);
	if (d->deref) {
		sb_addf(&d->tail, "->%s", name);
		d->deref = false;
	} else {
		sb_addf(&d->tail, ".%s", name);
	}
	if (d->member.len)
		sb_add(&d->member, ".");
	sb_add(&d->member, name);
}

static void add_index(struct desc *d, const char *index)
{
	if (d->deref) {
		/* p[i] on a pointer: the element is the object itself */
		sb_addf(&d->tail, "[%s]", index);
		d->deref = false;
		return;
	}
	sb_addf(&d->tail, "[%s]", index);
	sb_addf(&d->member, "[%s]", *index == '*' ? "*" : "");
	sb_add(&d->inner_member, "[]");
}

/*
 * The member of @type containing byte @off, preferring @want itself or
 * one of type @want.
 */
static struct symbol *member_at(struct symbol *type, long long off,
				struct symbol *want)
{
	struct symbol *m, *found = NULL;

	FOR_EACH_PTR(type->symbol_list, m) {
		struct symbol *mt = base_type(m);
		long long size = mt && mt->bit_size > 0 ? bits_to_bytes(mt->bit_size) : 0;

		if (off < (long long)m->offset)
			continue;
		if (off >= (long long)m->offset + (size ? size : 1))
			continue;
		if (want && off == (long long)m->offset && (mt == want || m == want))
			return m;
		if (!found)
			found = m;
	} END_FOR_EACH_PTR(m);
	return found;
}

/*
 * Step @off bytes into the object, naming members, until the object has
 * type @want (or no further step makes sense).  An offset that leads
 * nowhere (netdev_priv()'s area past the struct) is kept as a raw offset.
 */
static void add_offset(struct desc *d, long long off, struct symbol *want,
		       bool indexed)
{
	int guard = 0;

	while (guard++ < 32) {
		struct symbol *type = d->type, *m, *mt;

		if (off == 0 && !indexed &&
		    (!want || type == want || is_lock_type(type)))
			return;
		if (type && type->type == SYM_ARRAY) {
			struct symbol *elem = base_type(get_base_type(type));
			long long esize = elem && elem->bit_size > 0 ?
					  bits_to_bytes(elem->bit_size) : 0;
			char idx[32];

			if (!esize)
				break;
			if (indexed)
				snprintf(idx, sizeof(idx), "*");
			else
				snprintf(idx, sizeof(idx), "%lld", off / esize);
			add_index(d, idx);
			indexed = false;
			off %= esize;
			d->type = elem;
			continue;
		}
		if (!is_aggregate(type) || indexed)
			break;
		m = member_at(type, off, want);
		if (!m)
			break;
		mt = base_type(m);
		if (off == 0 && !want && is_aggregate(mt))
			return;
		if (m->ident)
			add_member_name(d, type, show_ident(m->ident));
		off -= m->offset;
		d->type = mt;
	}
	if (off || indexed) {
		sb_addf(&d->tail, "%s+%lld", indexed ? "[*]" : "", off);
		d->type = NULL;
	}
}

/* The object stops being named by members: what follows is behind a pointer. */
static void deref(struct desc *d, struct symbol *ptr_type)
{
	if (d->deref) {
		/* **pp: keep the text unambiguous */
		struct strbuf t = STRBUF_INIT;

		sb_addf(&t, "(*%s%s)", sb_str(&d->root_text), sb_str(&d->tail));
		sb_reset(&d->root_text);
		sb_add(&d->root_text, sb_str(&t));
		sb_reset(&d->tail);
		sb_release(&t);
	}
	d->deref = true;
	d->derefed = true;
	d->type = pointee(ptr_type);
	d->container = d->type;
	d->inner = NULL;
	sb_reset(&d->member);
}

static int param_index(struct entrypoint *ep, struct symbol *sym)
{
	struct symbol *fn = base_type(ep->name);
	struct symbol *arg;
	int i = 0;

	if (!fn || fn->type != SYM_FN)
		return -1;
	FOR_EACH_PTR(fn->arguments, arg) {
		if (arg == sym)
			return i;
		i++;
	} END_FOR_EACH_PTR(arg);
	return -1;
}

static void root_param(struct entrypoint *ep, struct desc *d, int nr, pseudo_t p)
{
	struct symbol *arg = ir_param(ep, nr);

	d->root = ROOT_PARAM;
	d->param = nr;
	d->base = p;
	sb_add(&d->root_text, arg && arg->ident ? show_ident(arg->ident) : "?");
	d->deref = true;
	d->derefed = true;
	d->type = arg ? pointee(arg) : NULL;
	d->container = d->type;
}

static void root_symbol(struct entrypoint *ep, struct desc *d, struct symbol *sym)
{
	unsigned long mods = sym->ctype.modifiers;

	d->sym = sym;
	d->root = (mods & (MOD_STATIC | MOD_EXTERN | MOD_TOPLEVEL)) ?
		  ROOT_GLOBAL : ROOT_LOCAL;
	sb_add(&d->root_text, sym->ident ? show_ident(sym->ident) : "?");
	d->deref = false;
	d->type = base_type(sym);
	d->container = is_aggregate(d->type) ? d->type : NULL;
}

static void describe(struct entrypoint *ep, pseudo_t p, struct desc *d, int depth);

static bool same_object(struct entrypoint *ep, pseudo_t a, pseudo_t b, int depth)
{
	struct desc da, db;
	bool same;

	desc_init(&da);
	desc_init(&db);
	describe(ep, a, &da, depth);
	describe(ep, b, &db, depth);
	same = !da.unique && !db.unique && da.deref == db.deref &&
	       !strcmp(sb_str(&da.root_text), sb_str(&db.root_text)) &&
	       !strcmp(sb_str(&da.tail), sb_str(&db.tail));
	desc_release(&da);
	desc_release(&db);
	return same;
}

static void describe_phi(struct entrypoint *ep, struct instruction *phi,
			 struct desc *d, int depth)
{
	pseudo_t first = NULL, src;

	/* deep inside phis, a phi is named by itself */
	if (depth >= MAX_PHI_DEPTH)
		first = VOID;
	FOR_EACH_PTR(phi->phi_list, src) {
		pseudo_t val;

		if (first == VOID)
			break;
		if (src == VOID || src->type != PSEUDO_PHI || !src->def)
			continue;
		val = src->def->phi_src;
		if (!first)
			first = val;
		else if (!same_object(ep, first, val, depth + 1))
			first = VOID;
	} END_FOR_EACH_PTR(src);
	if (first && first != VOID) {
		describe(ep, first, d, depth + 1);
		return;
	}
	/* a loop cursor or a merge of pointers: named by its variable */
	sb_add(&d->root_text, phi->target->ident ? show_ident(phi->target->ident) : "?");
	d->root = ROOT_OPAQUE;
	d->deref = true;
	d->derefed = true;
	d->type = pointee(phi->type);
	d->container = d->type;
	d->base = phi->target;
	make_unique(d, phi->target);
}

/* container_of(): the outer object; its type comes from the cast after. */
static void container_of(struct entrypoint *ep, pseudo_t inner_ptr, long long off,
			 struct desc *d, int depth)
{
	struct desc inner;

	desc_init(&inner);
	describe(ep, inner_ptr, &inner, depth + 1);
	sb_addf(&d->root_text, "container_of(%s%s%s, -%lld)",
		inner.deref ? "" : "&", sb_str(&inner.root_text),
		sb_str(&inner.tail), off);
	d->root = inner.root;
	d->param = inner.param;
	d->sym = inner.sym;
	d->unique = inner.unique;
	d->unique_nr = inner.unique_nr;
	d->constant = inner.constant;
	d->loop_phi = inner.loop_phi;
	d->via_container_of = true;
	d->deref = true;
	d->derefed = true;
	desc_release(&inner);
}

/*
 * Which element "i * size" or "(long)i << 3" picks: the value written,
 * as a key.  An index hashed by a constant mask (bgl_lock_ptr()'s
 * "group & (NR_BG_LOCKS - 1)", computed anew by each inlined helper) is
 * the mask of its operand, and a variable kept in memory (its address
 * is taken) is the variable, loaded anew at each use: the same
 * expression picks the same element at the lock and at the unlock.
 */
static void index_key(struct strbuf *sb, pseudo_t p, int depth)
{
	struct instruction *def = p->type == PSEUDO_REG ? p->def : NULL;

	if (p->type == PSEUDO_VAL) {
		sb_addf(sb, "c%lld", (long long)p->value);
		return;
	}
	if (!def || depth > 8) {
		sb_addf(sb, "%d", p->nr);
		return;
	}
	switch (def->opcode) {
	case OP_MUL:
	case OP_SHL:
		index_key(sb, def->src1, depth + 1);
		return;
	case OP_SEXT:
	case OP_ZEXT:
	case OP_TRUNC:
		index_key(sb, def->src, depth + 1);
		return;
	case OP_AND:
	case OP_OR:
	case OP_ADD:
	case OP_SUB:
	case OP_LSR:
	case OP_ASR:
	case OP_MODU:
	case OP_DIVU:
		if (def->src2->type != PSEUDO_VAL)
			break;
		index_key(sb, def->src1, depth + 1);
		sb_addf(sb, "op%d:%lld", def->opcode, (long long)def->src2->value);
		return;
	case OP_LOAD:
		if (def->src->type == PSEUDO_SYM && def->src->sym->ident &&
		    !(def->src->sym->ctype.modifiers & (MOD_TOPLEVEL | MOD_STATIC))) {
			sb_addf(sb, "v%s+%lld", show_ident(def->src->sym->ident),
				(long long)def->offset);
			return;
		}
		break;
	default:
		break;
	}
	sb_addf(sb, "%d", p->nr);
}

/* "&h->locks[i]": the array member whose elements are of type @elem. */
static void array_element(struct desc *d, struct symbol *elem)
{
	struct symbol *type = d->type, *m, *found = NULL;

	if (is_aggregate(type) && elem) {
		FOR_EACH_PTR(type->symbol_list, m) {
			struct symbol *mt = base_type(m);

			if (mt && mt->type == SYM_ARRAY &&
			    base_type(get_base_type(mt)) == elem && m->ident) {
				if (found) {
					found = NULL;
					break;
				}
				found = m;
			}
		} END_FOR_EACH_PTR(m);
	}
	if (found) {
		add_member_name(d, type, show_ident(found->ident));
		add_index(d, "*");
		d->type = elem;
		return;
	}
	add_index(d, "*");
	d->type = elem;
}

/* The global an asm input reads or points to ("p"(&var), "m"(var)), or NULL. */
static struct symbol *asm_input_symbol(pseudo_t in)
{
	struct instruction *def;

	if (in->type == PSEUDO_SYM)
		return in->sym;
	if (in->type != PSEUDO_REG || !(def = in->def))
		return NULL;
	if (def->opcode == OP_SYMADDR && def->src->type == PSEUDO_SYM)
		return def->src->sym;
	if (def->opcode == OP_LOAD && def->src->type == PSEUDO_SYM &&
	    def->src->sym->ctype.modifiers & (MOD_STATIC | MOD_EXTERN | MOD_TOPLEVEL))
		return def->src->sym;
	return NULL;
}

/*
 * The result of an inline asm that only reads globals, such as x86's
 * "current" (a per-CPU read of current_task) or this_cpu_ptr(): the
 * compiler may reuse one such read for the next, so every read of it in
 * a function is one value, and spin_unlock(&current->sighand->siglock)
 * releases what spin_lock(&current->sighand->siglock) took.  Named by
 * the globals it reads; told apart from other asms by its template.  Its
 * type, lost with the casts sparse folds, is taken to be what its one
 * struct-typed input gives: the value of a struct pointer (a per-CPU
 * read) or the address of a struct (this_cpu_ptr()).
 */
static bool asm_value(struct instruction *def, struct desc *d)
{
	struct asm_rules *rules = def->asm_rules;
	struct asm_constraint *c;
	struct strbuf names = STRBUF_INIT;
	struct symbol *type = NULL;
	unsigned int hash = 5381;
	int ntyped = 0;
	const char *tmpl;
	bool ok = true;

	if (!rules || def->clobber_memory || def->output_memory ||
	    ptr_list_size((struct ptr_list *)rules->outputs) != 1)
		return false;
	FOR_EACH_PTR(rules->inputs, c) {
		struct symbol *sym = c->pseudo ? asm_input_symbol(c->pseudo) : NULL;

		if (c->pseudo && c->pseudo->type == PSEUDO_VAL) {
			sb_addf(&names, "%s%lld", names.len ? ", " : "", c->pseudo->value);
		} else if (sym && sym->ident) {
			struct symbol *t = base_type(sym);
			struct symbol *to = t && t->type == SYM_PTR ? pointee(t) : t;
			bool addr = c->pseudo->type == PSEUDO_SYM ||
				    c->pseudo->def->opcode == OP_SYMADDR;

			sb_addf(&names, "%s%s", names.len ? ", " : "", show_ident(sym->ident));
			if (addr && is_aggregate(to)) {
				type = to;
				ntyped++;
			}
		} else {
			ok = false;
			break;
		}
	} END_FOR_EACH_PTR(c);
	if (ok) {
		for (tmpl = def->string ? def->string : ""; *tmpl; tmpl++)
			hash = hash * 33 + (unsigned char)*tmpl;
		sb_addf(&d->root_text, "asm(%s)", sb_str(&names));
		d->root = ROOT_OPAQUE;
		d->deref = true;
		d->type = ntyped == 1 ? type : NULL;
		d->container = d->type;
		d->unique = true;
		d->unique_nr = hash & 0x7fffffff;
	}
	sb_release(&names);
	return ok;
}

static void describe_reg(struct entrypoint *ep, pseudo_t p, struct desc *d, int depth)
{
	struct instruction *def = p->def;
	pseudo_t base;

	switch (def->opcode) {
	case OP_ADD:
		if (def->src2->type == PSEUDO_VAL || def->src1->type == PSEUDO_VAL) {
			pseudo_t k = def->src2->type == PSEUDO_VAL ? def->src2 : def->src1;

			base = k == def->src2 ? def->src1 : def->src2;
			if ((long long)k->value < 0) {
				container_of(ep, base, -(long long)k->value, d, depth);
				return;
			}
			describe(ep, base, d, depth + 1);
			add_offset(d, k->value, pointee(def->type), false);
			return;
		}
		/* p + i * size: an array element, index unknown */
		base = def->src1;
		if (base->type == PSEUDO_REG && base->def &&
		    (base->def->opcode == OP_MUL || base->def->opcode == OP_SHL ||
		     base->def->opcode == OP_SEXT || base->def->opcode == OP_ZEXT))
			base = def->src2;
		describe(ep, base, d, depth + 1);
		array_element(d, pointee(def->type));
		/* which element: the index's own value tells them apart */
		sb_add(&d->index_ids, "#i");
		index_key(&d->index_ids, base == def->src1 ? def->src2 : def->src1, 0);
		return;
	case OP_SUB:
		if (def->src2->type == PSEUDO_VAL) {
			container_of(ep, def->src1, def->src2->value, d, depth);
			return;
		}
		break;
	case OP_LOAD:
		if (def->src->type == PSEUDO_SYM && def->offset == 0) {
			int nr = param_index(ep, def->src->sym);

			if (nr >= 0) {
				root_param(ep, d, nr, p);
				return;
			}
		}
		describe(ep, def->src, d, depth + 1);
		add_offset(d, def->offset, base_type(def->type), false);
		deref(d, def->type);
		d->base = p;
		return;
	case OP_PTRCAST:
	case OP_UTPTR:
	case OP_PTRTU:
	case OP_ZEXT:
	case OP_SEXT:
	case OP_TRUNC:
	case OP_COPY: {
		struct symbol *to = pointee(def->type);

		describe(ep, def->src, d, depth + 1);
		/* a cast names the type pointer arithmetic lost */
		if (is_aggregate(to) && d->type != to) {
			d->type = to;
			if (!d->member.len)
				d->container = to;
		}
		return;
	}
	case OP_SYMADDR:
		root_symbol(ep, d, def->src->sym);
		return;
	case OP_PHI:
		describe_phi(ep, def, d, depth);
		return;
	case OP_CALL:
		if (def->func->type == PSEUDO_SYM && def->func->sym->ident)
			sb_addf(&d->root_text, "%s()", show_ident(def->func->sym->ident));
		else
			sb_add(&d->root_text, "(*fn)()");
		d->root = ROOT_OPAQUE;
		d->deref = true;
		d->derefed = true;
		d->type = pointee(def->type);
		d->container = d->type;
		d->base = p;
		make_unique(d, p);
		return;
	case OP_ASM:
		if (asm_value(def, d))
			return;
		break;
	default:
		break;
	}
	sb_add(&d->root_text, "?");
	d->root = ROOT_OPAQUE;
	d->deref = true;
	d->type = pointee(def->type);
	d->container = d->type;
	make_unique(d, p);
}

static void describe(struct entrypoint *ep, pseudo_t p, struct desc *d, int depth)
{
	if (depth > MAX_DEPTH || !p || --budget < 0) {
		sb_add(&d->root_text, "?");
		d->root = ROOT_OPAQUE;
		d->deref = true;
		if (p)
			make_unique(d, p);
		return;
	}
	switch (p->type) {
	case PSEUDO_ARG:
		root_param(ep, d, p->nr - 1, p);
		return;
	case PSEUDO_SYM:
		root_symbol(ep, d, p->sym);
		return;
	case PSEUDO_REG:
		if (p->def) {
			describe_reg(ep, p, d, depth);
			return;
		}
		break;
	case PSEUDO_VAL:
		/* a constant "pointer", such as an ERR_PTR() in dead code */
		sb_addf(&d->root_text, "0x%llx", (unsigned long long)p->value);
		d->root = ROOT_OPAQUE;
		d->deref = true;
		d->constant = true;
		make_unique(d, p);
		return;
	default:
		break;
	}
	sb_add(&d->root_text, "?");
	d->root = ROOT_OPAQUE;
	d->deref = true;
	make_unique(d, p);
}

static char *render(const struct desc *d, const char *root)
{
	struct strbuf sb = STRBUF_INIT;

	if (!d->deref)
		sb_add(&sb, "&");
	sb_add(&sb, root);
	sb_add(&sb, sb_str(&d->tail));
	return sb_detach(&sb);
}

static char *class_of(struct entrypoint *ep, const struct desc *d, bool *known)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[256];

	*known = true;
	/*
	 * Like lockdep, whose key is where the lock was initialised: the lock
	 * of an embedded struct (an sk_buff_head's) is that struct's lock,
	 * whatever it is embedded in.
	 */
	if (d->inner && d->inner_member.len && d->derefed && d->inner->ident) {
		sb_addf(&sb, "%s::%s", show_typename(d->inner), sb_str(&d->inner_member));
		return sb_detach(&sb);
	}
	if (d->container && d->member.len && d->derefed) {
		sb_addf(&sb, "%s::%s", show_typename(d->container), sb_str(&d->member));
		return sb_detach(&sb);
	}
	if (d->sym && !d->derefed) {
		if (d->root == ROOT_LOCAL)
			sb_addf(&sb, "%s:", show_ident(ep->name->ident));
		sb_add(&sb, lockid_symbol_name(d->sym, buf, sizeof(buf)));
		if (d->member.len)
			sb_addf(&sb, ".%s", sb_str(&d->member));
		return sb_detach(&sb);
	}
	*known = false;
	sb_add(&sb, d->type ? show_typename(d->type) : "?");
	return sb_detach(&sb);
}

/* Step into members by name: lock_sock()'s "sk_lock", annotations. */
static void add_member_path(struct desc *d, const char *member)
{
	char *copy, *name, *save = NULL;

	if (!member || !*member)
		return;
	copy = ls_xstrdup(member);
	for (name = strtok_r(copy, ".", &save); name; name = strtok_r(NULL, ".", &save)) {
		struct symbol *m = NULL, *type = d->type;

		if (is_aggregate(type)) {
			FOR_EACH_PTR(type->symbol_list, m) {
				if (m->ident && !strcmp(show_ident(m->ident), name))
					break;
			} END_FOR_EACH_PTR(m);
		}
		add_member_name(d, type, name);
		d->type = m ? base_type(m) : NULL;
	}
	free(copy);
}

static void finish(struct entrypoint *ep, struct desc *d, struct lock_ref *out)
{
	out->instance = render(d, sb_str(&d->root_text));
	if (d->unique) {
		struct strbuf sb = STRBUF_INIT;

		sb_addf(&sb, "%s#%d%s", out->instance, d->unique_nr, sb_str(&d->index_ids));
		out->key = sb_detach(&sb);
	} else {
		struct strbuf sb = STRBUF_INIT;

		sb_addf(&sb, "%s%s", out->instance, sb_str(&d->index_ids));
		out->key = sb_detach(&sb);
	}
	out->instance_known = !d->constant;
	out->global = d->root == ROOT_GLOBAL && !d->derefed && !d->unique &&
		      !d->index_ids.len;
	out->loop_phi = d->loop_phi;
	out->base = d->base;
	out->param = d->root == ROOT_PARAM ? d->param : -1;
	out->rel = NULL;
	/* a name that holds only within this function has no meaning outside */
	if (out->param >= 0 && !d->unique && !d->index_ids.len && !d->via_container_of) {
		char root[16];

		snprintf(root, sizeof(root), "$%d", out->param);
		out->rel = render(d, root);
	}
	out->klass = class_of(ep, d, &out->class_known);
	desc_release(d);
}

void lockid_describe(struct entrypoint *ep, pseudo_t ptr, struct symbol *want,
		     const char *member, struct lock_ref *out)
{
	struct desc d;

	desc_init(&d);
	budget = BUDGET;
	describe(ep, ptr, &d, 0);
	want = base_type(want);
	if (want && d.type && d.type != want && !is_lock_type(d.type))
		add_offset(&d, 0, want, false);
	add_member_path(&d, member);
	finish(ep, &d, out);
}

void lockid_symbol(struct entrypoint *ep, struct symbol *sym, const char *member,
		   struct lock_ref *out)
{
	struct desc d;

	desc_init(&d);
	root_symbol(ep, &d, sym);
	add_member_path(&d, member);
	finish(ep, &d, out);
}

void lockid_fixed(const char *name, struct lock_ref *out)
{
	out->base = NULL;
	out->loop_phi = NULL;
	out->key = ls_xstrdup(name);
	out->instance = ls_xstrdup(name);
	out->klass = ls_xstrdup(name);
	out->rel = NULL;
	out->param = -1;
	out->class_known = true;
	out->instance_known = true;
	out->global = true;
}

void lockid_release(struct lock_ref *ref)
{
	free(ref->instance);
	free(ref->key);
	free(ref->klass);
	free(ref->rel);
	memset(ref, 0, sizeof(*ref));
}

struct symbol *lockid_param_pointee(struct symbol *fn, int nr)
{
	struct symbol *arg;
	int i = 0;

	fn = base_type(fn);
	if (!fn || fn->type != SYM_FN)
		return NULL;
	FOR_EACH_PTR(fn->arguments, arg) {
		if (i++ == nr)
			return pointee(arg);
	} END_FOR_EACH_PTR(arg);
	return NULL;
}

/*
 * The innermost struct member at byte @off of @type that is not itself an
 * aggregate: "struct ethtool_ops" and "get_link_ksettings".
 */
bool lockid_field_at(struct symbol *type, long long off, struct symbol *want,
		     char *container, int csize, char *field, int fsize)
{
	int guard = 0;

	type = base_type(type);
	while (type && guard++ < 16) {
		struct symbol *m, *mt;

		if (type->type == SYM_ARRAY) {
			struct symbol *elem = base_type(get_base_type(type));
			long long esize = elem && elem->bit_size > 0 ?
					  bits_to_bytes(elem->bit_size) : 0;

			if (!esize)
				return false;
			off %= esize;
			type = elem;
			continue;
		}
		if (!is_aggregate(type))
			return false;
		m = member_at(type, off, want);
		if (!m)
			return false;
		mt = base_type(m);
		if (is_aggregate(mt) || (mt && mt->type == SYM_ARRAY)) {
			off -= m->offset;
			type = mt;
			continue;
		}
		if (!m->ident)
			return false;
		snprintf(container, csize, "%s", show_typename(type));
		snprintf(field, fsize, "%s", show_ident(m->ident));
		return true;
	}
	return false;
}

bool lockid_field_of(struct entrypoint *ep, pseudo_t addr, long long off,
		     struct symbol *want, char *container, int csize,
		     char *field, int fsize)
{
	struct desc d;
	bool ok;

	desc_init(&d);
	budget = BUDGET;
	describe(ep, addr, &d, 0);
	ok = d.type && lockid_field_at(d.type, off, want, container, csize, field, fsize);
	desc_release(&d);
	return ok;
}

/*
 * The member of type @stop ("struct work_struct") that holds byte @off of
 * what @addr points to: "struct adapter::reset_work" for the store into
 * its func.  For bindings by assignment (waits).
 */
bool lockid_member_of_type(struct entrypoint *ep, pseudo_t addr, long long off,
			   const char *stop, char *container, int csize)
{
	struct symbol *type, *m, *mt;
	struct desc d;
	int guard = 0;
	bool ok = false;

	desc_init(&d);
	budget = BUDGET;
	describe(ep, addr, &d, 0);
	type = base_type(d.type);
	while (type && is_aggregate(type) && guard++ < 16) {
		m = member_at(type, off, NULL);
		mt = m ? base_type(m) : NULL;
		if (!mt || !is_aggregate(mt))
			break;
		if (m->ident && !strcmp(show_typename(mt), stop)) {
			snprintf(container, csize, "%s::%s", show_typename(type),
				 show_ident(m->ident));
			ok = true;
			break;
		}
		off -= m->offset;
		type = mt;
	}
	desc_release(&d);
	return ok;
}
