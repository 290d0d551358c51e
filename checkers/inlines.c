// SPDX-License-Identifier: MIT
/*
 * Inlined calls, prepared for the lock analysis.
 *
 * sparse inlines every static inline function while expanding, so the
 * kernel's lock API (rcu_read_lock(), local_bh_disable(), ...) turns into
 * its insides.  Before a function is linearized, this pass walks its tree:
 *
 *  - an inlined call of a function the lock table (or the RCU table,
 *    rules/rcu.tab) lists becomes a plain call again, so the table sees
 *    it and not what it is made of;
 *  - the body of any other inlined call takes the position of the call,
 *    so what happens in spin_lock()'s body is reported where the checked
 *    file calls spin_lock(), not in a header.
 */
#include "expression.h"
#include "lib.h"
#include "parse.h"
#include "symbol.h"
#include "lockscope/inlines.h"
#include "lockscope/rcu.h"
#include "lockscope/rules.h"
#include "lockscope/teardown.h"

static void walk_stmt(struct statement *stmt, const struct position *at);
static void walk_expr(struct expression *expr, const struct position *at);

static void walk_symbols(struct symbol_list *list, const struct position *at)
{
	struct symbol *sym;

	FOR_EACH_PTR(list, sym) {
		walk_expr(sym->initializer, at);
	} END_FOR_EACH_PTR(sym);
}

static void walk_exprs(struct expression_list *list, const struct position *at)
{
	struct expression *expr;

	FOR_EACH_PTR(list, expr) {
		walk_expr(expr, at);
	} END_FOR_EACH_PTR(expr);
}

/* Turn the inlined call @expr of @fn back into a call. */
static void call_again(struct expression *expr, struct statement *body,
		     struct symbol *fn)
{
	struct expression *callee = alloc_expression(expr->pos, EXPR_SYMBOL);
	struct expression_list *args = NULL;
	struct symbol *arg;

	callee->symbol = fn;
	callee->symbol_name = fn->ident;
	callee->ctype = fn;
	if (body->args) {
		FOR_EACH_PTR(body->args->declaration, arg) {
			/* not add_expression(): its type check reads through NULL */
			__add_ptr_list((struct ptr_list **)&args, arg->initializer);
		} END_FOR_EACH_PTR(arg);
	}
	expr->type = EXPR_CALL;
	expr->fn = callee;
	expr->args = args;
}

static void walk_inlined(struct expression *expr, const struct position *at)
{
	struct statement *body = expr->statement;
	struct symbol *fn = body->inline_fn;

	/* the lock API, and what rules/teardown.tab and rules/rcu.tab name */
	if (fn->ident && (rules_lookup(fn->ident->name) ||
			  teardown_call(fn->ident->name) ||
			  rcu_rules_lookup(fn->ident->name))) {
		call_again(expr, body, fn);
		walk_exprs(expr->args, at);
		return;
	}
	/* the outermost call gives the position to everything inside */
	walk_stmt(body, at ? at : &expr->pos);
}

static void walk_expr(struct expression *expr, const struct position *at)
{
	if (!expr)
		return;
	if (at)
		expr->pos = *at;
	switch (expr->type) {
	case EXPR_STATEMENT:
		if (expr->statement && expr->statement->type == STMT_COMPOUND &&
		    expr->statement->inline_fn) {
			walk_inlined(expr, at);
			return;
		}
		walk_stmt(expr->statement, at);
		break;
	case EXPR_PREOP:
	case EXPR_POSTOP:
		walk_expr(expr->unop, at);
		break;
	case EXPR_BINOP:
	case EXPR_COMMA:
	case EXPR_COMPARE:
	case EXPR_LOGICAL:
	case EXPR_ASSIGNMENT:
		walk_expr(expr->left, at);
		walk_expr(expr->right, at);
		break;
	case EXPR_DEREF:
		walk_expr(expr->deref, at);
		break;
	case EXPR_SLICE:
		walk_expr(expr->base, at);
		break;
	case EXPR_CAST:
	case EXPR_FORCE_CAST:
	case EXPR_IMPLIED_CAST:
		walk_expr(expr->cast_expression, at);
		break;
	case EXPR_CONDITIONAL:
	case EXPR_SELECT:
		walk_expr(expr->conditional, at);
		walk_expr(expr->cond_true, at);
		walk_expr(expr->cond_false, at);
		break;
	case EXPR_CALL:
		walk_expr(expr->fn, at);
		walk_exprs(expr->args, at);
		break;
	case EXPR_INITIALIZER:
		walk_exprs(expr->expr_list, at);
		break;
	case EXPR_IDENTIFIER:
		walk_expr(expr->ident_expression, at);
		break;
	case EXPR_INDEX:
		walk_expr(expr->idx_expression, at);
		break;
	case EXPR_POS:
		walk_expr(expr->init_expr, at);
		break;
	default:
		break;
	}
}

static void walk_stmt(struct statement *stmt, const struct position *at)
{
	struct statement *s;

	if (!stmt)
		return;
	if (at)
		stmt->pos = *at;
	switch (stmt->type) {
	case STMT_DECLARATION:
		walk_symbols(stmt->declaration, at);
		break;
	case STMT_EXPRESSION:
		walk_expr(stmt->expression, at);
		break;
	case STMT_COMPOUND:
		walk_stmt(stmt->args, at);
		FOR_EACH_PTR(stmt->stmts, s) {
			walk_stmt(s, at);
		} END_FOR_EACH_PTR(s);
		break;
	case STMT_IF:
		walk_expr(stmt->if_conditional, at);
		walk_stmt(stmt->if_true, at);
		walk_stmt(stmt->if_false, at);
		break;
	case STMT_RETURN:
		walk_expr(stmt->ret_value, at);
		break;
	case STMT_CASE:
		walk_stmt(stmt->case_statement, at);
		break;
	case STMT_SWITCH:
		walk_expr(stmt->switch_expression, at);
		walk_stmt(stmt->switch_statement, at);
		break;
	case STMT_ITERATOR:
		walk_stmt(stmt->iterator_pre_statement, at);
		walk_expr(stmt->iterator_pre_condition, at);
		walk_stmt(stmt->iterator_statement, at);
		walk_stmt(stmt->iterator_post_statement, at);
		walk_expr(stmt->iterator_post_condition, at);
		break;
	case STMT_LABEL:
		walk_stmt(stmt->label_statement, at);
		break;
	case STMT_GOTO:
		walk_expr(stmt->goto_expression, at);
		break;
	case STMT_RANGE:
		walk_expr(stmt->range_expression, at);
		break;
	default:
		break;
	}
}

void inlines_prepare(struct symbol *fn)
{
	struct symbol *type = fn->ctype.base_type;

	if (type && type->type == SYM_FN)
		walk_stmt(type->stmt, NULL);
}
