// SPDX-License-Identifier: MIT
/*
 * sparse's context annotations: __acquires(x), __releases(x),
 * __must_hold(x) and __cond_acquires(x), i.e. context(x, in, out).
 *
 * The annotation names the callee's parameter ("lock", "&p->lock",
 * "p->lock"); at a call site it is mapped onto the actual argument, so the
 * caller sees the lock it passed.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "expression.h"
#include "lib.h"
#include "symbol.h"
#include "lockscope/annotations.h"
#include "lockscope/strbuf.h"

/*
 * Split a context expression into a root identifier and a member path:
 * "&p->a.b" and "p->a.b" give ("p", "a.b"); "lock" gives ("lock", "").
 * Returns the root's symbol when the parser bound one.
 */
static struct ident *split_expr(struct expression *e, struct strbuf *member,
				struct symbol **bound, bool *ok)
{
	struct ident *root;

	if (!e) {
		*ok = false;
		return NULL;
	}
	switch (e->type) {
	case EXPR_SYMBOL:
		*bound = e->symbol;
		return e->symbol_name;
	case EXPR_PREOP:
		if (e->op == '&' || e->op == '*')
			return split_expr(e->unop, member, bound, ok);
		break;
	case EXPR_CAST:
	case EXPR_FORCE_CAST:
		return split_expr(e->cast_expression, member, bound, ok);
	case EXPR_DEREF:
		root = split_expr(e->deref, member, bound, ok);
		if (e->member) {
			if (member->len)
				sb_add(member, ".");
			sb_add(member, show_ident(e->member));
		}
		return root;
	default:
		break;
	}
	*ok = false;
	return NULL;
}

/* Tokens such as RCU and rcu name the same context: the table's "rcu". */
static void sb_add_lower(struct strbuf *sb, const char *s)
{
	char c[2] = { 0, 0 };

	for (; *s; s++) {
		c[0] = tolower((unsigned char)*s);
		sb_add(sb, c);
	}
}

static int param_named(struct symbol *fn, struct ident *name)
{
	struct symbol *type = fn, *arg;
	int i = 0;

	while (type && type->type == SYM_NODE)
		type = type->ctype.base_type;
	if (!type || type->type != SYM_FN || !name)
		return -1;
	FOR_EACH_PTR(type->arguments, arg) {
		if (arg->ident == name)
			return i;
		i++;
	} END_FOR_EACH_PTR(arg);
	return -1;
}

static pseudo_t nth_pseudo(struct pseudo_list *list, int n)
{
	pseudo_t p;
	int i = 0;

	FOR_EACH_PTR(list, p) {
		if (i++ == n)
			return p;
	} END_FOR_EACH_PTR(p);
	return NULL;
}

bool annotation_lock(struct entrypoint *ep, struct symbol *callee,
		     struct expression *expr, struct pseudo_list *args,
		     struct lock_ref *out)
{
	struct strbuf member = STRBUF_INIT;
	struct symbol *bound = NULL;
	struct ident *root;
	bool ok = true;
	int param;

	root = split_expr(expr, &member, &bound, &ok);
	if (!ok || !root) {
		sb_release(&member);
		return false;
	}
	param = param_named(callee, root);
	if (param >= 0) {
		pseudo_t arg = nth_pseudo(args, param);

		if (!arg) {
			sb_release(&member);
			return false;
		}
		lockid_describe(ep, arg, NULL, sb_str(&member), out);
	} else if (bound && bound->namespace == NS_SYMBOL &&
		   (bound->ctype.modifiers & (MOD_STATIC | MOD_EXTERN | MOD_TOPLEVEL))) {
		/* a global lock: named as a call on it would name it */
		lockid_symbol(ep, bound, sb_str(&member), out);
	} else if (!strncasecmp(show_ident(root), "rcu", 3) ||
		   !strcasecmp(show_ident(root), "bh") || !strcasecmp(show_ident(root), "irq")) {
		/* a context token: RCU, RCU_BH, rcu (see locks.tab) */
		struct strbuf name = STRBUF_INIT;

		if (!strncasecmp(show_ident(root), "rcu", 3))
			sb_add(&name, "rcu");
		else
			sb_add_lower(&name, show_ident(root));
		if (member.len)
			sb_addf(&name, ".%s", sb_str(&member));
		lockid_fixed(sb_str(&name), out);
		sb_release(&name);
	} else {
		/* a local variable ("tbl->lock"), or a name we cannot place */
		sb_release(&member);
		return false;
	}
	sb_release(&member);
	return true;
}

enum annotation annotation_kind(const struct context *ctx)
{
	if ((int)ctx->out < 0 || (int)ctx->in < 0)
		return ANN_COND;
	if (ctx->in == 0 && ctx->out > 0)
		return ANN_ACQUIRES;
	if (ctx->in > 0 && ctx->out == 0)
		return ANN_RELEASES;
	if (ctx->in > 0 && ctx->out > 0)
		return ANN_MUST_HOLD;
	return ANN_NONE;
}
