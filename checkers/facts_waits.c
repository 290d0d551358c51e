// SPDX-License-Identifier: MIT
/*
 * Per-file facts for the waits (rules/waits.tab): after a waiting call's
 * C record, "Y kind object shown"; a callback bound to an object,
 * "Z fid line kind object callback" (a workqueue's callback is the work
 * object queued on it, a device's or kobject's the sysfs attribute or
 * group attached to it); a sysfs group or attribute array holding another
 * global, "Q container member".
 */
#include <stdio.h>
#include <string.h>

#include "expression.h"
#include "lib.h"
#include "symbol.h"
#include "lockscope/facts.h"
#include "lockscope/lockid.h"
#include "lockscope/lockset.h"
#include "lockscope/resources.h"
#include "lockscope/waits.h"

static bool is_global(struct symbol *sym)
{
	return sym && sym->ident &&
	       (sym->ctype.modifiers & (MOD_STATIC | MOD_EXTERN | MOD_TOPLEVEL));
}

static const char *type_name(struct symbol *type, char *buf, int size)
{
	while (type && (type->type == SYM_NODE || type->type == SYM_PTR ||
			type->type == SYM_ARRAY))
		type = type->ctype.base_type;
	if (!type || type->type != SYM_STRUCT || !type->ident)
		return NULL;
	snprintf(buf, size, "struct %s", type->ident->name);
	return buf;
}

/* An IRQ's dev_id: a global, or the struct type it points to before the cast to void *. */
static bool irq_object(struct symbol *fn, pseudo_t arg, char *buf, int size)
{
	int guard = 0;

	while (arg && arg->type == PSEUDO_REG && arg->def && guard++ < 8) {
		struct instruction *def = arg->def;

		if (def->opcode != OP_PTRCAST && def->opcode != OP_UTPTR)
			break;
		if (type_name(def->orig_type, buf, size))
			return true;
		arg = def->src;
	}
	if (arg && arg->type == PSEUDO_SYM && is_global(arg->sym)) {
		snprintf(buf, size, "&%s", arg->sym->ident->name);
		return true;
	}
	if (arg && arg->type == PSEUDO_REG && arg->def)
		return type_name(arg->def->type, buf, size) != NULL;
	if (arg && arg->type == PSEUDO_ARG)
		return type_name(lockid_param_pointee(fn->ctype.base_type, arg->nr - 1),
				 buf, size) != NULL;
	return false;
}

/* A workqueue: the member or the global its pointer is loaded from. */
static bool wq_object(struct entrypoint *ep, pseudo_t arg, char *buf, int size)
{
	struct instruction *def;
	char name[256];

	if (resource_class(ep, arg, buf, size))
		return true;
	if (!arg || arg->type != PSEUDO_REG || !(def = arg->def) ||
	    def->opcode != OP_LOAD || def->src->type != PSEUDO_SYM ||
	    !is_global(def->src->sym))
		return false;
	snprintf(buf, size, "%s", lockid_symbol_name(def->src->sym, name, sizeof(name)));
	return true;
}

/*
 * An IRQ line: the member or global its number is loaded from,
 * "struct pci_dev::irq", shown as written ("np->pci_dev->irq").
 */
static bool irq_line(struct entrypoint *ep, pseudo_t arg, char *buf, int size,
		     char *shown, int ssize)
{
	char container[128], field[128];
	struct lock_ref ref;
	struct instruction *def;
	int guard = 0;

	while (arg && arg->type == PSEUDO_REG && (def = arg->def) && guard++ < 4 &&
	       (def->opcode == OP_ZEXT || def->opcode == OP_SEXT || def->opcode == OP_TRUNC))
		arg = def->src;
	if (!arg || arg->type != PSEUDO_REG || !(def = arg->def) || def->opcode != OP_LOAD)
		return false;
	if (def->src->type == PSEUDO_SYM && is_global(def->src->sym) && !def->offset) {
		lockid_symbol_name(def->src->sym, buf, size);
		snprintf(shown, ssize, "%s", def->src->sym->ident->name);
		return true;
	}
	if (!lockid_field_of(ep, def->src, def->offset, def->type,
			     container, sizeof(container), field, sizeof(field)))
		return false;
	snprintf(buf, size, "%s::%s", container, field);
	lockid_describe(ep, def->src, NULL, NULL, &ref);
	snprintf(shown, ssize, "%s->%s", ref.instance ? ref.instance : "?", field);
	lockid_release(&ref);
	return true;
}

/*
 * A device or a kobject, by its member class ("struct foo::dev"); a
 * device's kobject is the device.  A bare type is no object.
 */
static bool kobj_object(struct entrypoint *ep, pseudo_t arg, struct symbol *want,
			char *buf, int size, char *shown, int ssize)
{
	struct lock_ref ref;
	size_t n;
	bool ok;

	lockid_describe(ep, arg, want, NULL, &ref);
	ok = ref.klass && (ref.global || (ref.class_known && strstr(ref.klass, "::")));
	if (ok) {
		snprintf(buf, size, "%s", ref.klass);
		n = strlen(buf);
		if (n > 5 && !strcmp(buf + n - 5, ".kobj"))
			buf[n - 5] = 0;
		snprintf(shown, ssize, "%s", ref.instance ? ref.instance : buf);
	}
	lockid_release(&ref);
	return ok;
}

/* A sysfs attribute or group: the global it is. */
static bool sysfs_object(pseudo_t arg, char *buf, int size)
{
	pseudo_t p = pointer_object(arg);

	if (!p || p->type != PSEUDO_SYM || !is_global(p->sym))
		return false;
	snprintf(buf, size, "&%s", p->sym->ident->name);
	return true;
}

/*
 * The object a rule's argument names, and the object as written; @want:
 * the type the callee's parameter points to, if known.
 */
static bool object_name(struct fn_ctx *fn, const char *kind, pseudo_t arg, struct symbol *want,
			char *buf, int size, char *shown, int ssize)
{
	struct lock_ref ref;
	bool ok;

	if (!strcmp(kind, "rcu")) {
		snprintf(buf, size, "rcu");
		snprintf(shown, ssize, "rcu");
		return true;
	}
	if (!arg)
		return false;
	if (!strcmp(kind, "irqline"))
		return irq_line(fn->ep, arg, buf, size, shown, ssize);
	if (!strcmp(kind, "kobj"))
		return kobj_object(fn->ep, arg, want, buf, size, shown, ssize);
	if (!strcmp(kind, "irq"))
		ok = irq_object(fn->fn, arg, buf, size);
	else if (!strcmp(kind, "wq"))
		ok = wq_object(fn->ep, arg, buf, size);
	else if (!strcmp(kind, "sysfs"))
		ok = sysfs_object(arg, buf, size);
	else {
		lockid_describe(fn->ep, arg, NULL, NULL, &ref);
		ok = ref.class_known && ref.klass;
		if (ok)
			snprintf(buf, size, "%s", ref.klass);
		snprintf(shown, ssize, "%s", ref.instance ? ref.instance : buf);
		lockid_release(&ref);
		return ok;
	}
	snprintf(shown, ssize, "%s", buf);
	return ok;
}

static void bind_record(struct fn_ctx *fn, int line, const char *kind,
			const char *object, const char *callback)
{
	facts_record("Z");
	facts_field_int(fn->fid);
	facts_field_int(line);
	facts_field(kind);
	facts_field(object);
	facts_field(callback);
}

static struct symbol *function_arg(pseudo_t arg)
{
	struct symbol *type;

	if (!arg || arg->type != PSEUDO_SYM)
		return NULL;
	type = arg->sym->ctype.base_type;
	return type && type->type == SYM_FN ? arg->sym : NULL;
}

void wait_call_facts(struct fn_ctx *fn, struct instruction *insn)
{
	const struct wait_rule *r;
	char object[300], shown[300], cb[300], name[256];
	struct symbol *callback;

	if (!facts_active() || insn->func->type != PSEUDO_SYM || !insn->func->sym->ident)
		return;
	for (r = wait_rule(insn->func->sym->ident->name); r; r = r->next) {
		pseudo_t obj = r->object >= 0 ? ptr_list_nth(insn->arguments, r->object) : NULL;
		struct symbol *want = r->object >= 0 ?
			lockid_param_pointee(insn->func->sym->ctype.base_type, r->object) : NULL;

		if (!object_name(fn, r->kind, obj, want, object, sizeof(object),
				 shown, sizeof(shown)))
			continue;
		switch (r->role) {
		case WAIT_WAIT:
			facts_record("Y");
			facts_field(r->kind);
			facts_field(object);
			facts_field(shown);
			return;		/* one wait a call */
		case WAIT_BIND:
			callback = function_arg(ptr_list_nth(insn->arguments, r->callback));
			if (callback)
				bind_record(fn, insn->pos.line, r->kind, object,
					    lockid_symbol_name(callback, name, sizeof(name)));
			break;
		case WAIT_ATTACH:
			if (sysfs_object(ptr_list_nth(insn->arguments, r->callback),
					 cb, sizeof(cb)))
				bind_record(fn, insn->pos.line, r->kind, object, cb);
			break;
		case WAIT_QUEUE:
			if (object_name(fn, "work", ptr_list_nth(insn->arguments, r->callback),
					NULL, cb, sizeof(cb), shown, sizeof(shown)))
				bind_record(fn, insn->pos.line, "wq", object, cb);
			break;
		}
	}
}

/* INIT_WORK(&p->work, fn): "(&p->work)->func = fn". */
void wait_store_facts(struct fn_ctx *fn, struct instruction *insn,
		      const char *field, struct symbol *callback)
{
	const char *kind = wait_store_kind(field);
	char object[300], type[256], name[256];
	const char *sep;

	if (!kind || !facts_active() || !(sep = strstr(field, "::")))
		return;
	snprintf(type, sizeof(type), "%.*s", (int)(sep - field), field);
	if (!lockid_member_of_type(fn->ep, insn->src, insn->offset, type, object,
				   sizeof(object)))
		return;
	bind_record(fn, insn->pos.line, kind, object,
		    lockid_symbol_name(callback, name, sizeof(name)));
}

/* ---- sysfs groups: which attributes a group or an array holds -------- */

static bool sysfs_container(struct symbol *sym)
{
	char buf[128];
	const char *t = type_name(sym->ctype.base_type, buf, sizeof(buf));

	return t && (!strcmp(t, "struct attribute") || !strcmp(t, "struct attribute_group") ||
		     !strcmp(t, "struct bin_attribute"));
}

static struct symbol *global_of(struct expression *expr)
{
	int guard = 0;

	while (expr && guard++ < 16) {
		switch (expr->type) {
		case EXPR_SYMBOL:
			return is_global(expr->symbol) ? expr->symbol : NULL;
		case EXPR_PREOP:
			if (expr->op != '&' && expr->op != '*')
				return NULL;
			expr = expr->unop;
			break;
		case EXPR_DEREF:
			expr = expr->deref;
			break;
		case EXPR_BINOP:	/* &sym.member: the address plus an offset */
			if (expr->op != '+')
				return NULL;
			expr = expr->left;
			break;
		case EXPR_CAST:
		case EXPR_IMPLIED_CAST:
		case EXPR_FORCE_CAST:
			expr = expr->cast_expression;
			break;
		default:
			return NULL;
		}
	}
	return NULL;
}

static void scan_members(struct expression *expr, const char *var)
{
	struct expression *entry;
	struct symbol *sym;
	char name[300];

	if (!expr)
		return;
	if (expr->type == EXPR_INITIALIZER) {
		FOR_EACH_PTR(expr->expr_list, entry) {
			scan_members(entry->type == EXPR_POS ? entry->init_expr : entry, var);
		} END_FOR_EACH_PTR(entry);
		return;
	}
	sym = global_of(expr);
	if (!sym || sym->ctype.base_type->type == SYM_FN)
		return;
	snprintf(name, sizeof(name), "&%s", sym->ident->name);
	facts_record("Q");
	facts_field(var);
	facts_field(name);
}

void wait_initializer_facts(struct symbol *sym, const char *var)
{
	if (facts_active() && sysfs_container(sym))
		scan_members(sym->initializer, var);
}
