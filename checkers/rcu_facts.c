// SPDX-License-Identifier: MIT
/*
 * The RCU list facts of a translation unit, for the whole-tree rcu checks:
 *
 *  - W: an RCU list walk.  hlist_for_each_entry_rcu() and its kin are
 *    macros, but each loads its links through an "__rcu" pointer type
 *    (hlist_first_rcu(), hlist_nulls_next_rcu(), ...): such a load names
 *    the list head or node being walked.  A list_head walk
 *    (list_for_each_entry_rcu(), rcu_list_walks.c) is a W when
 *    rcu_read_lock() is held around it here;
 *  - P: a list_head walk outside any RCU section of its own: a reader
 *    when a caller holds rcu_read_lock() (the whole-tree step decides);
 *  - L: a list primitive of rules/rcu.tab (kept as a call by inlines.c),
 *    with the node's class, the object it belongs to (relative to the
 *    parameters) and the head it is linked into.
 */
#include <string.h>

#include "lockscope/check.h"
#include "lockscope/facts.h"
#include "lockscope/lockid.h"
#include "lockscope/rcu.h"
#include "lockscope/source.h"
#include "lockscope/strbuf.h"
#include "lockscope/irtypes.h"

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

static void position_fields(struct fn_ctx *fn, struct position pos)
{
	facts_field_int(fn->fid);
	facts_field_int(pos.line);
	facts_field_int(pos.pos);
}

/* The head type of a link kind, as the file declares it. */
static struct symbol *head_type(enum rcu_link link)
{
	static const char *const names[RL_NR] = {
		[RL_HLIST] = "hlist_head", [RL_NULLS] = "hlist_nulls_head",
		[RL_LIST] = "list_head",
	};

	if (!names[link])
		return NULL;
	return lookup_symbol(built_in_ident(names[link]), NS_STRUCT);
}

static void walk_record(struct fn_ctx *fn, struct instruction *insn,
			enum rcu_link link, const char *tag)
{
	char container[256], member[128];
	struct lock_ref ref;
	struct strbuf sb = STRBUF_INIT;

	if (insn->offset) {
		if (!lockid_field_of(fn->ep, insn->src, insn->offset, insn->type, container,
				     sizeof(container), member, sizeof(member)))
			return;
		sb_addf(&sb, "%s::%s", container, member);
		facts_record(tag);
		position_fields(fn, insn->pos);
		facts_field(rcu_link_names[link]);
		facts_field(sb_str(&sb));
		facts_field(sb_str(&sb));
		sb_release(&sb);
		return;
	}
	lockid_describe(fn->ep, insn->src, head_type(link), NULL, &ref);
	if (!ref.class_known || !strncmp(ref.klass, "struct hlist_", 13) ||
	    !strncmp(ref.klass, "struct list_head::", 18)) {
		/* a cursor's next link: the head load names the list */
		lockid_release(&ref);
		return;
	}
	facts_record(tag);
	position_fields(fn, insn->pos);
	facts_field(rcu_link_names[link]);
	facts_field(ref.klass);
	facts_field(ref.instance);
	lockid_release(&ref);
}

static void rcu_facts_function(struct fn_ctx *fn)
{
	struct rcu_sections *sections = NULL;
	struct instruction *insn;
	struct basic_block *bb;

	if (!facts_active())
		return;
	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			enum rcu_link link;

			if (!insn->bb || insn->opcode != OP_LOAD)
				continue;
			link = rcu_pointer_link(insn->type);
			if (link != RL_NONE) {
				walk_record(fn, insn, link, "W");
				continue;
			}
			if (!rcu_list_walk_load(fn->ep, insn))
				continue;
			if (!sections)
				sections = rcu_sections_compute(fn->ep);
			walk_record(fn, insn, RL_LIST,
				    rcu_sections_held(sections, insn) ? "W" : "P");
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	if (sections)
		rcu_sections_free(sections);
}

/*
 * The path of the member of type @want at byte @off of @type, through
 * nested and anonymous structs and unions: a union holds an hlist_node
 * and an hlist_nulls_node at one offset (sock_common), and the type of
 * the primitive says which one is meant.
 */
static bool member_path(struct symbol *type, long long off, struct symbol *want,
			struct strbuf *sb, int depth)
{
	struct symbol *m;

	if (depth > 8 || !type || (type->type != SYM_STRUCT && type->type != SYM_UNION))
		return false;
	FOR_EACH_PTR(type->symbol_list, m) {
		struct symbol *mt = ir_strip_node(m->ctype.base_type);
		size_t len = sb->len;

		if (!mt || off < (long long)m->offset ||
		    (mt->bit_size > 0 && off >= (long long)m->offset + bits_to_bytes(mt->bit_size)))
			continue;
		if (m->ident)
			sb_addf(sb, "%s%s", len ? "." : "", show_ident(m->ident));
		if (mt == want && off == (long long)m->offset)
			return true;
		if (member_path(mt, off - m->offset, want, sb, depth + 1))
			return true;
		sb->len = len;
		if (sb->buf)
			sb->buf[len] = '\0';
	} END_FOR_EACH_PTR(m);
	return false;
}

/*
 * A node pointer is "object + offset": name the object's struct type and
 * the node's member path ("struct sock::__sk_common.skc_nulls_node"), and
 * the object across functions ("$0", "&global") or "-".
 */
static void node_describe(struct entrypoint *ep, pseudo_t p, struct symbol *want,
			  struct strbuf *klass, struct strbuf *obj)
{
	struct symbol *type = NULL;
	struct strbuf path = STRBUF_INIT;
	long long off = 0;
	int guard = 0;
	struct lock_ref ref;

	while (p && guard++ < 16) {
		struct instruction *def = p->type == PSEUDO_REG ? p->def : NULL;

		if (p->type == PSEUDO_ARG) {
			type = ir_struct_pointee(ir_param(ep, p->nr - 1));
			break;
		}
		if (!def)
			break;
		if (def->opcode == OP_ADD && def->src2->type == PSEUDO_VAL) {
			off += def->src2->value;
			p = def->src1;
			continue;
		}
		if (def->opcode == OP_PTRCAST || def->opcode == OP_COPY) {
			type = ir_struct_pointee(def->type);
			if (type && type != ir_strip_node(want))
				break;
			type = NULL;
			p = def->src;
			continue;
		}
		type = ir_struct_pointee(def->type);
		break;
	}
	want = ir_strip_node(want);
	if (type && want && member_path(type, off, want, &path, 0)) {
		sb_addf(klass, "%s::%s", show_typename(type), sb_str(&path));
		lockid_describe(ep, p, NULL, NULL, &ref);
		sb_add(obj, ref.global ? ref.instance : ref.rel ? ref.rel : "-");
		lockid_release(&ref);
	} else {
		sb_add(klass, "-");
		sb_add(obj, "-");
	}
	sb_release(&path);
}

static void rcu_facts_call(struct fn_ctx *fn, struct instruction *insn,
			   const struct lockset *before)
{
	const struct rcu_api *api = rcu_call_api(insn);
	struct strbuf obj = STRBUF_INIT, klass = STRBUF_INIT;
	struct position pos = insn->pos;
	struct lock_ref head;
	struct symbol *callee;
	pseudo_t arg;
	char name[128];

	if (!api || api->link == RL_NONE || !facts_active())
		return;
	arg = nth_arg(insn, api->obj);
	if (!arg)
		return;
	callee = insn->func->sym;
	source_call_name(&pos, name, sizeof(name));
	node_describe(fn->ep, arg, lockid_param_pointee(callee, api->obj), &klass, &obj);
	facts_record("L");
	position_fields(fn, pos);
	facts_field(rcu_op_names[api->op]);
	facts_field(rcu_link_names[api->link]);
	facts_field(sb_str(&klass));
	facts_field(sb_str(&obj));
	arg = api->head >= 0 ? nth_arg(insn, api->head) : NULL;
	if (arg) {
		lockid_describe(fn->ep, arg, lockid_param_pointee(callee, api->head),
				NULL, &head);
		facts_field(head.class_known ? head.klass : "-");
		facts_field(head.instance);
		lockid_release(&head);
	} else {
		facts_field("-");
		facts_field("-");
	}
	sb_release(&klass);
	sb_release(&obj);
}

static const struct check rcu_facts = {
	.name = "rcu-facts",
	.function = rcu_facts_function,
	.call = rcu_facts_call,
};

void register_rcu_facts(void)
{
	check_register(&rcu_facts);
}
