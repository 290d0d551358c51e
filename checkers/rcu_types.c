// SPDX-License-Identifier: MIT
/*
 * Recyclable types: struct types whose objects come from a
 * SLAB_TYPESAFE_BY_RCU cache, so that an object can be freed and reused
 * for another object of the same type without a grace period.  Two
 * shapes create such caches:
 *
 *   kmem_cache_create("x", sizeof(struct x), 0, SLAB_TYPESAFE_BY_RCU, NULL)
 *   struct proto p = { .obj_size = sizeof(struct tcp_sock),
 *                      .slab_flags = SLAB_TYPESAFE_BY_RCU, ... };
 *
 * evaluation folds sizeof() into a number, so this runs on the parsed,
 * not yet evaluated, symbols.  The struct a recyclable object embeds as
 * its first member (tcp_sock -> inet_connection_sock -> inet_sock -> sock)
 * is recyclable too: a pointer to it is a pointer to the object.
 */
#include <stdio.h>
#include <string.h>

#include "expression.h"
#include "lib.h"
#include "parse.h"
#include "symbol.h"
#include "lockscope/facts.h"
#include "lockscope/rcu.h"
#include "lockscope/irtypes.h"

#define SLAB_TYPESAFE_BY_RCU_FLAG 0x00080000ULL

static int cur_stream;

/* A constant flags expression, before evaluation; 0 when not constant. */
static unsigned long long flags_value(struct expression *e)
{
	int guard = 0;

	while (e && guard++ < 64) {
		switch (e->type) {
		case EXPR_VALUE:
			return e->value;
		case EXPR_CAST:
		case EXPR_FORCE_CAST:
		case EXPR_IMPLIED_CAST:
			e = e->cast_expression;
			break;
		case EXPR_PREOP:
			if (e->op != '(')
				return 0;
			e = e->unop;
			break;
		case EXPR_BINOP:
			if (e->op != '|')
				return 0;
			return flags_value(e->left) | flags_value(e->right);
		default:
			return 0;
		}
	}
	return 0;
}

/* The struct type of "sizeof(struct T)", before evaluation. */
static struct symbol *sizeof_struct(struct expression *e)
{
	struct symbol *type;

	while (e && e->type == EXPR_PREOP && e->op == '(')
		e = e->unop;
	if (!e || e->type != EXPR_SIZEOF || !e->cast_type)
		return NULL;
	type = ir_strip_node(e->cast_type);
	return type && type->type == SYM_STRUCT && type->ident ? type : NULL;
}

static void recyclable(struct symbol *type, struct position pos, const char *source)
{
	int depth;

	for (depth = 0; type && type->type == SYM_STRUCT && type->ident && depth < 8;
	     depth++) {
		struct symbol *first;

		facts_record("T");
		facts_field(show_typename(type));
		facts_field_int(pos.line);
		facts_field(source);
		first = first_ptr_list((struct ptr_list *)type->symbol_list);
		type = first ? ir_strip_node(first->ctype.base_type) : NULL;
	}
}

/* ".obj_size = sizeof(T), .slab_flags = SLAB_TYPESAFE_BY_RCU" */
static void scan_initializer(struct symbol *sym)
{
	struct expression *e, *size = NULL, *flags = NULL;
	struct symbol *type;
	char source[256];

	if (!sym->initializer || sym->initializer->type != EXPR_INITIALIZER)
		return;
	FOR_EACH_PTR(sym->initializer->expr_list, e) {
		const char *name;

		if (e->type != EXPR_IDENTIFIER || !e->expr_ident)
			continue;
		name = show_ident(e->expr_ident);
		if (!strcmp(name, "obj_size"))
			size = e->ident_expression;
		else if (!strcmp(name, "slab_flags"))
			flags = e->ident_expression;
	} END_FOR_EACH_PTR(e);
	if (!size || !flags || !(flags_value(flags) & SLAB_TYPESAFE_BY_RCU_FLAG))
		return;
	type = sizeof_struct(size);
	if (!type)
		return;
	snprintf(source, sizeof(source), "&%s", show_ident(sym->ident));
	recyclable(type, sym->pos, source);
}

static void walk_expr(struct expression *e);
static void walk_stmt(struct statement *s);

static void walk_call(struct expression *e)
{
	struct expression *arg, *args[4] = { NULL };
	struct symbol *type;
	const char *name;
	int i = 0;

	if (!e->fn || e->fn->type != EXPR_SYMBOL || !e->fn->symbol_name)
		return;
	name = show_ident(e->fn->symbol_name);
	if (strcmp(name, "kmem_cache_create") && strcmp(name, "kmem_cache_create_usercopy"))
		return;
	FOR_EACH_PTR(e->args, arg) {
		if (i < 4)
			args[i++] = arg;
	} END_FOR_EACH_PTR(arg);
	if (i < 4 || !(flags_value(args[3]) & SLAB_TYPESAFE_BY_RCU_FLAG))
		return;
	type = sizeof_struct(args[1]);
	if (type)
		recyclable(type, e->pos, "kmem_cache_create");
}

static void walk_exprs(struct expression_list *list)
{
	struct expression *e;

	FOR_EACH_PTR(list, e) {
		walk_expr(e);
	} END_FOR_EACH_PTR(e);
}

static void walk_expr(struct expression *e)
{
	if (!e)
		return;
	switch (e->type) {
	case EXPR_CALL:
		walk_call(e);
		walk_expr(e->fn);
		walk_exprs(e->args);
		break;
	case EXPR_STATEMENT:
		walk_stmt(e->statement);
		break;
	case EXPR_PREOP:
	case EXPR_POSTOP:
		walk_expr(e->unop);
		break;
	case EXPR_BINOP:
	case EXPR_COMMA:
	case EXPR_COMPARE:
	case EXPR_LOGICAL:
	case EXPR_ASSIGNMENT:
		walk_expr(e->left);
		walk_expr(e->right);
		break;
	case EXPR_CAST:
	case EXPR_FORCE_CAST:
	case EXPR_IMPLIED_CAST:
		walk_expr(e->cast_expression);
		break;
	case EXPR_CONDITIONAL:
	case EXPR_SELECT:
		walk_expr(e->conditional);
		walk_expr(e->cond_true);
		walk_expr(e->cond_false);
		break;
	default:
		break;
	}
}

static void walk_stmt(struct statement *s)
{
	struct statement *sub;
	struct symbol *sym;

	if (!s)
		return;
	switch (s->type) {
	case STMT_DECLARATION:
		FOR_EACH_PTR(s->declaration, sym) {
			walk_expr(sym->initializer);
		} END_FOR_EACH_PTR(sym);
		break;
	case STMT_EXPRESSION:
		walk_expr(s->expression);
		break;
	case STMT_COMPOUND:
		FOR_EACH_PTR(s->stmts, sub) {
			walk_stmt(sub);
		} END_FOR_EACH_PTR(sub);
		break;
	case STMT_IF:
		walk_expr(s->if_conditional);
		walk_stmt(s->if_true);
		walk_stmt(s->if_false);
		break;
	case STMT_RETURN:
		walk_expr(s->ret_value);
		break;
	case STMT_CASE:
		walk_stmt(s->case_statement);
		break;
	case STMT_SWITCH:
		walk_expr(s->switch_expression);
		walk_stmt(s->switch_statement);
		break;
	case STMT_ITERATOR:
		walk_stmt(s->iterator_pre_statement);
		walk_expr(s->iterator_pre_condition);
		walk_stmt(s->iterator_statement);
		walk_stmt(s->iterator_post_statement);
		walk_expr(s->iterator_post_condition);
		break;
	case STMT_LABEL:
		walk_stmt(s->label_statement);
		break;
	default:
		break;
	}
}

void rcu_types_scan(struct symbol_list *list, int stream)
{
	struct symbol *sym;

	if (!facts_active())
		return;
	cur_stream = stream;
	FOR_EACH_PTR(list, sym) {
		struct symbol *type = sym->ctype.base_type;

		if (sym->pos.stream != cur_stream)
			continue;
		if (type && type->type == SYM_FN)
			walk_stmt(type->stmt);
		else if (sym->ident)
			scan_initializer(sym);
	} END_FOR_EACH_PTR(sym);
}
