// SPDX-License-Identifier: MIT
/*
 * Notifier chains, resolved by registration: a call of a chain reaches the
 * callbacks of the blocks registered on that chain, not every
 * notifier_call of the tree.
 *
 * rules/callbacks.tab pairs each chain-calling function with the function
 * that registers on the same chain, and says which argument is the chain
 * and which the block.  A function that passes its own parameter on as the
 * block (register_netdevice_notifier(nb) around raw_notifier_chain_register
 * (&netdev_chain, nb)) becomes a registration function itself, so generic
 * chains are followed through their wrappers when those files are checked.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"

struct chain_call {
	int chain_arg;			/* -1: the chain is the registrar's own */
	const char *registrar;
	const char *field;
};

struct registrar {
	const char *name;
	int chain_arg, block_arg;	/* -1 chain: its own ("reg:<name>") */
	const char *chain;		/* for derived ones: the chain they use */
	const char *field;
};

/* One block registered on one chain. */
struct registration {
	const char *chain, *block, *field;
};

static struct ptrtab chain_calls;	/* function -> struct chain_call */
static struct ptrtab chain_fields;	/* a chain's callback field -> a chain_call */
static struct ptrtab registrars;	/* function -> struct registrar */
static struct registration *regs;
static int nregs, aregs;

static int arg_number(const char *s, const char *path, int nr)
{
	if (!strcmp(s, "-"))
		return -1;
	if (strncmp(s, "arg", 3) || s[3] < '0' || s[3] > '9')
		ls_fatal("%s:%d: expected argN or -, not '%s'", path, nr, s);
	return atoi(s + 3);
}

static struct registrar *add_registrar(const char *name, int chain_arg, int block_arg,
				       const char *chain, const char *field)
{
	struct registrar *r = ls_xcalloc(1, sizeof(*r));

	r->name = name;
	r->chain_arg = chain_arg;
	r->block_arg = block_arg;
	r->chain = chain;
	r->field = field;
	ptrtab_put(&registrars, name, r);
	return r;
}

void notifiers_load(const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	char line[512];
	int nr = 0;
	FILE *f;

	sb_addf(&path, "%s/callbacks.tab", dir);
	f = fopen(sb_str(&path), "r");
	if (!f)
		ls_fatal("cannot read '%s': %s", sb_str(&path), strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		char *hash = strchr(line, '#');
		char call[128], carg[16], reg[128], rchain[16], rblock[16], field[256];
		struct chain_call *cc;
		const char *r;
		int n;

		nr++;
		if (hash)
			*hash = '\0';
		n = sscanf(line, "%127s %15s %127s %15s %15s %255[^\n]",
			   call, carg, reg, rchain, rblock, field);
		if (n <= 0)
			continue;
		if (n != 6 || !strstr(field, "::"))
			ls_fatal("%s:%d: expected 'call chain registrar chain block struct T::field'",
				 sb_str(&path), nr);
		while (field[strlen(field) - 1] == ' ' || field[strlen(field) - 1] == '\t')
			field[strlen(field) - 1] = '\0';
		r = strtab_intern(reg);
		cc = ls_xcalloc(1, sizeof(*cc));
		cc->chain_arg = arg_number(carg, sb_str(&path), nr);
		cc->registrar = r;
		cc->field = strtab_intern(field);
		ptrtab_put(&chain_calls, strtab_intern(call), cc);
		ptrtab_put(&chain_fields, cc->field, cc);
		if (!ptrtab_get(&registrars, r))
			add_registrar(r, arg_number(rchain, sb_str(&path), nr),
				      arg_number(rblock, sb_str(&path), nr), NULL, cc->field);
	}
	fclose(f);
	sb_release(&path);
}

/* The chain a registrar's call registers on: a global, or its own name. */
static const char *chain_of(const struct registrar *r, const struct callsite *cs)
{
	struct strbuf key = STRBUF_INIT;
	const char *chain;

	if (r->chain)
		return r->chain;
	if (r->chain_arg >= 0)
		return r->chain_arg < cs->nargs && cs->args[r->chain_arg][0] == '&' ?
		       cs->args[r->chain_arg] : NULL;
	sb_addf(&key, "reg:%s", r->name);
	chain = strtab_intern(sb_str(&key));
	sb_release(&key);
	return chain;
}

static void add_registration(const char *chain, const char *block, const char *field)
{
	int i;

	for (i = 0; i < nregs; i++)
		if (regs[i].chain == chain && regs[i].block == block && regs[i].field == field)
			return;
	if (nregs == aregs) {
		aregs = aregs ? aregs * 2 : 64;
		regs = ls_xrealloc(regs, aregs * sizeof(*regs));
	}
	regs[nregs++] = (struct registration){ chain, block, field };
}

/*
 * Every registration call: a global block ("&nb") is registered; a block
 * that is the caller's parameter makes the caller a registrar too.
 */
void notifiers_collect(struct program *prog)
{
	int round, i, j;

	for (round = 0; round < 4; round++) {
		bool grew = false;

		for (i = 0; i < prog->nfuncs; i++) {
			const struct func *fn = prog->funcs[i];

			for (j = 0; j < fn->ncalls; j++) {
				const struct callsite *cs = &fn->calls[j];
				const struct registrar *r = ptrtab_get(&registrars, cs->callee);
				const char *chain, *block;

				if (!r || r->block_arg >= cs->nargs)
					continue;
				chain = chain_of(r, cs);
				block = cs->args[r->block_arg];
				if (!chain)
					continue;
				if (block[0] == '&') {
					add_registration(chain, block, r->field);
				} else if (block[0] == '$' && !ptrtab_get(&registrars, fn->name)) {
					add_registrar(fn->name, -1, atoi(block + 1), chain, r->field);
					grew = true;
				}
			}
		}
		if (!grew)
			break;
	}
}

bool notifiers_chain_call(const char *callee)
{
	return ptrtab_get(&chain_calls, callee) != NULL;
}

bool notifiers_chain_field(const char *field)
{
	return ptrtab_get(&chain_fields, field) != NULL;
}

/*
 * The blocks' callbacks a chain call reaches, each given to @add; the
 * chain's callback field if it reached any block, else NULL.
 */
const char *notifiers_targets(struct callsite *cs, void (*add)(struct callsite *, struct func *))
{
	const struct chain_call *cc = ptrtab_get(&chain_calls, cs->callee);
	struct strbuf key = STRBUF_INIT;
	const char *chain, *via = NULL;
	int i, k;

	if (!cc)
		return NULL;
	if (cc->chain_arg >= 0) {
		if (cc->chain_arg >= cs->nargs || cs->args[cc->chain_arg][0] != '&')
			return NULL;
		chain = cs->args[cc->chain_arg];
	} else {
		sb_addf(&key, "reg:%s", cc->registrar);
		chain = strtab_intern(sb_str(&key));
		sb_release(&key);
	}
	for (i = 0; i < nregs; i++) {
		struct binding *b;

		if (regs[i].chain != chain || regs[i].field != cc->field)
			continue;
		b = program_object_binding(regs[i].block, cc->field);
		if (!b)
			continue;
		via = cc->field;
		for (k = 0; k < b->nfns; k++) {
			struct func *t;

			for (t = program_function_named(b->fns[k]); t; t = t->next_same)
				add(cs, t);
		}
	}
	return via;
}
