// SPDX-License-Identifier: MIT
/*
 * Writing a translation unit's facts for the whole-tree step.  The facts
 * are gathered while the lockset engine replays each function (a check
 * like the others), kept in memory, and written once at the end of the
 * file: to a temporary file in the same directory, then renamed, so a
 * reader never sees half a file and "make -j" never mixes two writers.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "expression.h"
#include "lib.h"
#include "symbol.h"
#include "lockscope/arg_arith.h"
#include "lockscope/check.h"
#include "lockscope/diag.h"
#include "lockscope/facts.h"
#include "lockscope/frees.h"
#include "lockscope/guards.h"
#include "lockscope/program.h"
#include "lockscope/resources.h"
#include "lockscope/source.h"
#include "lockscope/strbuf.h"
#include "lockscope/teardown.h"
#include "lockscope/waits.h"

const char *facts_dir = ".lockscope";
bool facts_enabled = true;

static struct strbuf out = STRBUF_INIT;
static const char *tu_path;
static int records;
static int fid;
/* resources this function already used: one U record each is enough */
static const char **used;
static int nused, aused;

/* Fields never hold a tab or a newline. */
static void field(const char *s)
{
	char c[2] = { 0, 0 };

	sb_add(&out, "\t");
	for (; *s; s++) {
		c[0] = (*s == '\t' || *s == '\n') ? ' ' : *s;
		sb_add(&out, c);
	}
}

static void record(const char *tag)
{
	if (out.len)
		sb_add(&out, "\n");
	sb_add(&out, tag);
	records++;
}

static const char *qualified(struct symbol *sym, char *buf, int size)
{
	return lockid_symbol_name(sym, buf, size);
}

void facts_begin(const char *source)
{
	sb_reset(&out);
	records = 0;
	fid = 0;
	tu_path = source;
	sb_addf(&out, "%s\t%d", FACTS_MAGIC, FACTS_VERSION);
	record("tu");
	field(source);
}

static int mkdirs(char *path)
{
	char *slash;

	for (slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(path, 0777) && errno != EEXIST) {
			*slash = '/';
			return -1;
		}
		*slash = '/';
	}
	return 0;
}

void facts_end(void)
{
	struct strbuf path = STRBUF_INIT, tmp = STRBUF_INIT;
	const char *src = tu_path;
	FILE *f;
	bool ok;

	if (!facts_enabled || !tu_path)
		return;
	record("end");
	sb_addf(&out, "\t%d\n", records);
	while (src[0] == '/' || (src[0] == '.' && src[1] == '/'))
		src += src[0] == '/' ? 1 : 2;
	sb_addf(&path, "%s/%s.facts", facts_dir, src);
	sb_addf(&tmp, "%s.tmp.%d", sb_str(&path), (int)getpid());
	if (mkdirs(tmp.buf))
		ls_fatal("cannot create the facts directory for '%s': %s",
			 sb_str(&path), strerror(errno));
	f = fopen(sb_str(&tmp), "w");
	if (!f)
		ls_fatal("cannot write '%s': %s", sb_str(&tmp), strerror(errno));
	ok = fwrite(out.buf, 1, out.len, f) == out.len;
	ok = !fclose(f) && ok;
	if (!ok || rename(sb_str(&tmp), sb_str(&path))) {
		int err = errno;

		unlink(sb_str(&tmp));
		ls_fatal("cannot write '%s': %s", sb_str(&path), strerror(err));
	}
	sb_release(&path);
	sb_release(&tmp);
	tu_path = NULL;
}

/* ---- records --------------------------------------------------------- */

/* Other per-file writers (rcu_facts.c) add their records through these. */
bool facts_active(void)
{
	return facts_enabled && tu_path;
}

void facts_record(const char *tag)
{
	record(tag);
}

void facts_field(const char *s)
{
	field(s);
}

void facts_field_int(long long v)
{
	sb_addf(&out, "\t%lld", v);
}

static void guard_records(struct basic_block *bb)
{
	const struct guard *g = guards_of(bb);
	static const char *const ops[] = { "any", "in", "notin", "never" };
	int p, i;

	if (!g)
		return;
	for (p = 0; p < GUARD_MAX_PARAMS; p++) {
		const struct param_guard *pg = &g->p[p];

		if (pg->op == G_ANY)
			continue;
		record("g");
		sb_addf(&out, "\t%d\t%s\t", p, ops[pg->op]);
		for (i = 0; i < pg->n; i++)
			sb_addf(&out, "%s%lld", i ? "," : "", pg->vals[i]);
	}
	for (p = 0; p < GUARD_MAX_BIT_PARAMS; p++) {
		if (g->bits_set[p]) {
			record("g");
			sb_addf(&out, "\t%d\tbits-set\t%lld", p, (long long)g->bits_set[p]);
		}
		if (g->bits_clear[p]) {
			record("g");
			sb_addf(&out, "\t%d\tbits-clear\t%lld", p, (long long)g->bits_clear[p]);
		}
	}
}

/* The name of a lock across functions, or "-". */
static const char *cross_name(const struct lock_ref *ref)
{
	if (ref->rel)
		return ref->rel;
	if (ref->global)
		return ref->instance;
	return "-";
}

/* Locks this function has released at a call (its caller's, dropped). */
static void released_records(const struct fn_ctx *fn, const struct lockset *set)
{
	int i;

	for (i = 0; i < set->n; i++) {
		const struct lock_slot *slot = &fn->locks[i];

		if (set->s[i].mask != LS_RELEASED || !strcmp(cross_name(&slot->ref), "-"))
			continue;
		record("r");
		field(cross_name(&slot->ref));
	}
}

static void held_records(const struct fn_ctx *fn, const struct lockset *set)
{
	int i;

	for (i = 0; i < set->n; i++) {
		const struct lock_state *s = &set->s[i];
		const struct lock_slot *slot = &fn->locks[i];

		if (s->mask != LS_HELD)
			continue;
		record("h");
		field(lock_kinds[slot->kind].name);
		field(s->mode == LM_SHARED ? "shared" : "excl");
		sb_addf(&out, "\t%d", s->held_at.line);
		field(slot->ref.klass);
		field(cross_name(&slot->ref));
		field(slot->ref.instance);
	}
}

static void facts_function(struct fn_ctx *fn)
{
	char buf[256];

	guards_solve(fn->ep);
	fn->fid = ++fid;
	record("F");
	sb_addf(&out, "\t%d", fn->fid);
	field(qualified(fn->fn, buf, sizeof(buf)));
	sb_addf(&out, "\t%d", fn->fn->pos.line);
}

static void facts_acquire(struct fn_ctx *fn, const struct lock_event *ev,
			  const struct lockset *before)
{
	const struct lock_slot *slot = &fn->locks[ev->lock];
	struct position pos = ev->pos;
	char buf[128];

	source_call_name(&pos, buf, sizeof(buf));
	record("A");
	sb_addf(&out, "\t%d\t%d\t%d", fn->fid, pos.line, pos.pos);
	field(lock_kinds[slot->kind].name);
	field(ev->mode == LM_SHARED ? "shared" : "excl");
	field(ev->op == LOP_ACQUIRE ? "acquire" : "try");
	field(slot->ref.klass);
	field(cross_name(&slot->ref));
	field(slot->ref.instance);
	sb_addf(&out, "\t%d", ev->subclass > 0 ? ev->subclass : 0);
	/* taken again after this function released it: no recursion */
	sb_addf(&out, "\t%d", before->s[ev->lock].mask == LS_RELEASED);
	guard_records(ev->insn->bb);
	held_records(fn, before);
	/* the flavour: spin_lock_irqsave() is irq-safe while it is held */
	if (ev->context & (CTX_IRQ_OFF | CTX_BH_OFF | CTX_SLEEPS)) {
		record("I");
		field(ev->context & CTX_IRQ_OFF ? "irq-off" :
		      ev->context & CTX_BH_OFF ? "bh-off" : "-");
		field(ev->context & CTX_SLEEPS ? "sleeps" : "-");
	}
}

static void arg_record(struct fn_ctx *fn, int i, pseudo_t arg, struct symbol *type)
{
	record("a");
	sb_addf(&out, "\t%d\t", i);
	if (arg->type == PSEUDO_VAL) {
		long long v = arg->value;
		int bits = type && type->bit_size > 0 ? type->bit_size : 64;

		if (bits < 64)
			v = (long long)((unsigned long long)v << (64 - bits)) >> (64 - bits);
		sb_addf(&out, "#%lld", v);
	} else if (!arg_arith(arg, &out)) {
		struct lock_ref ref;

		lockid_describe(fn->ep, arg, NULL, NULL, &ref);
		sb_add(&out, cross_name(&ref));
		lockid_release(&ref);
	}
}

/*
 * One R record per function @arg may be: the function itself, or each
 * function a local variable was set to on the ways here ("handler = test ?
 * a : b; request_irq(.., handler, ..)": a select or a phi of addresses).
 */
static void fnptr_arg(struct instruction *insn, int i, pseudo_t arg, int depth)
{
	struct instruction *def = arg->type == PSEUDO_REG ? arg->def : NULL;
	struct symbol *type;
	pseudo_t phi;
	char buf[256];

	if (arg->type == PSEUDO_SYM && (type = arg->sym->ctype.base_type) &&
	    type->type == SYM_FN) {
		record("R");
		field(qualified(insn->func->sym, buf, sizeof(buf)));
		sb_addf(&out, "\t%d", i);
		field(qualified(arg->sym, buf, sizeof(buf)));
		return;
	}
	/* a choice among choices is a variable set in nested branches */
	if (!def || depth >= 3)
		return;
	if (def->opcode == OP_SEL) {
		fnptr_arg(insn, i, def->src2, depth + 1);
		fnptr_arg(insn, i, def->src3, depth + 1);
		return;
	}
	if (def->opcode != OP_PHI)
		return;
	FOR_EACH_PTR(def->phi_list, phi) {
		if (phi == VOID || !phi->def || phi->def->opcode != OP_PHISOURCE)
			continue;
		fnptr_arg(insn, i, phi->def->phi_src, depth + 1);
	} END_FOR_EACH_PTR(phi);
}

/* timer_setup(&t, fn, 0) and friends: a function handed to the callee. */
static void fnptr_args(struct instruction *insn)
{
	pseudo_t arg;
	int i = 0;

	if (insn->func->type != PSEUDO_SYM)
		return;
	FOR_EACH_PTR(insn->arguments, arg) {
		fnptr_arg(insn, i, arg, 0);
		i++;
	} END_FOR_EACH_PTR(arg);
}

/* ---- resources: frees and uses, for the teardown-race check ---------- */

static void use_record(struct fn_ctx *fn, struct position pos, const char *klass,
		       const char *how)
{
	int i;

	klass = strtab_intern(klass);
	for (i = 0; i < nused; i++)
		if (used[i] == klass)
			return;
	if (nused == aused) {
		aused = aused ? aused * 2 : 16;
		used = ls_xrealloc(used, aused * sizeof(*used));
	}
	used[nused++] = klass;
	record("U");
	sb_addf(&out, "\t%d\t%d\t%d", fn->fid, pos.line, pos.pos);
	field(klass);
	field(how);
}

static void deref_use(struct instruction *insn, const char *klass, void *data)
{
	use_record(data, insn->pos, klass, "deref");
}

/* A call to a free function (rules/frees.tab) or a use (rules/teardown.tab). */
static void resource_records(struct fn_ctx *fn, struct instruction *insn,
			     struct position pos)
{
	const char *name;
	const struct td_call *c;
	char klass[300];
	pseudo_t arg;
	bool ref;
	int n;

	if (insn->func->type != PSEUDO_SYM || !insn->func->sym->ident)
		return;
	name = insn->func->sym->ident->name;
	n = frees_lookup(name, &ref);
	if (n >= 0 && !ref && (arg = ptr_list_nth(insn->arguments, n)) &&
	    resource_class(fn->ep, arg, klass, sizeof(klass))) {
		record("X");
		sb_addf(&out, "\t%d\t%d\t%d", fn->fid, pos.line, pos.pos);
		field(name);
		field(klass);
	}
	for (c = teardown_call(name); c; c = c->next) {
		if (c->role != TD_USE)
			continue;
		arg = ptr_list_nth(insn->arguments, c->arg);
		if (arg && resource_class(fn->ep, arg, klass, sizeof(klass)))
			use_record(fn, pos, klass, c->name);
	}
}

static void facts_call(struct fn_ctx *fn, struct instruction *insn,
		       const struct lockset *before)
{
	char buf[256], type[256], member[128];
	struct position pos = insn->pos;
	struct symbol *argtype;
	pseudo_t func = insn->func, arg;
	int nargs = 0, i = 0;

	FOR_EACH_PTR(insn->arguments, arg) {
		nargs++;
	} END_FOR_EACH_PTR(arg);
	/* the column of the callee's name, not of its '(' */
	source_call_name(&pos, buf, sizeof(buf));
	record("C");
	sb_addf(&out, "\t%d\t%d\t%d", fn->fid, pos.line, pos.pos);
	if (func->type == PSEUDO_SYM) {
		sb_add(&out, "\td");
		field(qualified(func->sym, buf, sizeof(buf)));
	} else if (func->type == PSEUDO_REG && func->def &&
		   func->def->opcode == OP_LOAD &&
		   lockid_field_of(fn->ep, func->def->src, func->def->offset,
				   func->def->type, type, sizeof(type),
				   member, sizeof(member))) {
		sb_add(&out, "\tf");
		sb_addf(&out, "\t%s::%s", type, member);
	} else {
		sb_add(&out, "\tu\t-");
	}
	sb_addf(&out, "\t%d", nargs);

	/* fntypes: the callee's type, then each argument's */
	PREPARE_PTR_LIST(insn->fntypes, argtype);
	NEXT_PTR_LIST(argtype);
	FOR_EACH_PTR(insn->arguments, arg) {
		arg_record(fn, i++, arg, argtype);
		NEXT_PTR_LIST(argtype);
	} END_FOR_EACH_PTR(arg);
	FINISH_PTR_LIST(argtype);
	guard_records(insn->bb);
	held_records(fn, before);
	released_records(fn, before);
	fnptr_args(insn);
	wait_call_facts(fn, insn);	/* Y: right after its C record */
	resource_records(fn, insn, pos);
}

/* ---- functions bound to struct fields -------------------------------- */

static struct symbol *function_of(struct expression *expr)
{
	while (expr) {
		switch (expr->type) {
		case EXPR_SYMBOL: {
			struct symbol *sym = expr->symbol, *type;

			if (!sym)
				return NULL;
			type = sym->ctype.base_type;
			return type && type->type == SYM_FN ? sym : NULL;
		}
		case EXPR_PREOP:
			if (expr->op != '&' && expr->op != '*')
				return NULL;
			expr = expr->unop;
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

/* @var: the global object holding the field, as calls pass it ("&nb"), or "-" */
static void bind(const char *type, const char *member, struct symbol *fn,
		 const char *var)
{
	char buf[256];

	record("B");
	field(type);
	field(member);
	field(qualified(fn, buf, sizeof(buf)));
	field(var);
}

/* @member_sym: the member the innermost designator names (of a union) */
static void scan(struct expression *expr, struct symbol *type, long long off,
		 struct symbol *member_sym, const char *var)
{
	struct expression *entry;
	struct symbol *fn;
	char container[256], member[128];

	if (!expr)
		return;
	if (expr->type == EXPR_INITIALIZER) {
		FOR_EACH_PTR(expr->expr_list, entry) {
			if (entry->type == EXPR_POS)
				scan(entry->init_expr, type, off + entry->init_offset,
				     entry->ctype, var);
			else
				scan(entry, type, off, NULL, var);
		} END_FOR_EACH_PTR(entry);
		return;
	}
	fn = function_of(expr);
	if (fn && lockid_field_at(type, off, member_sym, container, sizeof(container),
				  member, sizeof(member)))
		bind(container, member, fn, var);
}

void facts_scan_initializer(struct symbol *sym)
{
	char var[256];
	struct symbol *fn;

	if (!facts_enabled || !tu_path || !sym->initializer || !sym->ident)
		return;
	/* module_exit(fn) of a built-in: "static exitcall_t __exitcall_fn = fn" */
	if (!strncmp(sym->ident->name, "__exitcall_", 11) &&
	    (fn = function_of(sym->initializer))) {
		bind("module", "exit", fn, "-");
		return;
	}
	if (sym->ctype.base_type && sym->ctype.base_type->type != SYM_FN) {
		snprintf(var, sizeof(var), "&%s", sym->ident->name);
		scan(sym->initializer, sym, 0, NULL, var);
		wait_initializer_facts(sym, var);
	}
}

/* "p->ops.fn = f;" inside a function. */
static void scan_stores(struct fn_ctx *fn)
{
	char container[256], member[128];
	struct instruction *insn;
	struct basic_block *bb;

	FOR_EACH_PTR(fn->ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			pseudo_t value;
			struct symbol *type;

			if (!insn->bb || insn->opcode != OP_STORE)
				continue;
			value = insn->target;
			if (value->type != PSEUDO_SYM)
				continue;
			type = value->sym->ctype.base_type;
			if (!type || type->type != SYM_FN)
				continue;
			if (lockid_field_of(fn->ep, insn->src, insn->offset, insn->type,
					    container, sizeof(container),
					    member, sizeof(member))) {
				char field[400];

				bind(container, member, value->sym, "-");
				snprintf(field, sizeof(field), "%s::%s", container, member);
				wait_store_facts(fn, insn, field, value->sym);
			}
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

static void facts_function_start(struct fn_ctx *fn)
{
	facts_function(fn);
	scan_stores(fn);
	nused = 0;
	resource_derefs(fn->ep, deref_use, fn);
}

static const struct check facts_check = {
	.name = "facts",
	.function = facts_function_start,
	.acquire = facts_acquire,
	.call = facts_call,
};

void register_facts(void)
{
	if (facts_enabled)
		check_register(&facts_check);
}
