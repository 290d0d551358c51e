// SPDX-License-Identifier: MIT
/*
 * Mapping a callee's summary entry through a call into the caller's terms:
 * its instance rewritten with the call's arguments ("&$0->lock" called
 * with "$1->dev" is "&$1->dev->lock"), its guards checked against constant
 * arguments and carried over to the caller's parameters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"

#define MAX_PATH 160

/* Append @s at *@len of @buf: false once the path is too long. */
static bool append(char *buf, int *len, const char *s)
{
	size_t n = strlen(s);

	if (*len + n >= MAX_PATH)
		return false;
	memcpy(buf + *len, s, n + 1);
	*len += n;
	return true;
}

/*
 * Rewrite @inst, relative to the callee's parameters, with @call's args.
 * Pieces are appended rather than printed: at kernel size this runs a
 * million times, and snprintf() was most of the cost of mapping.
 */
static const char *rewrite_inst(const struct callsite *call, const char *inst)
{
	const char *p = inst, *arg, *rest;
	bool addr = false, arg_addr;
	char buf[MAX_PATH];
	char *end;
	long n;
	int len = 0;
	bool fits;

	if (!inst || !strchr(inst, '$'))
		return inst;		/* a global, or unknown */
	if (*p == '&') {
		addr = true;
		p++;
	}
	if (*p != '$')
		return NULL;
	n = strtol(p + 1, &end, 10);
	if (end == p + 1 || n < 0 || n >= call->nargs)
		return NULL;
	rest = end;
	arg = call->args[n];
	if (!arg || *arg == '#' || *arg == '-' || *arg == '\0')
		return NULL;
	arg_addr = *arg == '&';
	if (arg_addr)
		arg++;
	buf[0] = '\0';
	if (!*rest) {
		/* the lock is the parameter itself */
		fits = append(buf, &len, arg_addr ? "&" : "") && append(buf, &len, arg);
	} else if (!strncmp(rest, "->", 2)) {
		fits = append(buf, &len, addr ? "&" : "") && append(buf, &len, arg);
		if (arg_addr)
			fits = fits && append(buf, &len, ".") && append(buf, &len, rest + 2);
		else
			fits = fits && append(buf, &len, rest);
	} else {
		return NULL;
	}
	/* a path this long is no name anyone would recognise */
	return fits ? strtab_intern(buf) : NULL;
}

/*
 * A call through a field reaches hundreds of functions that take the same
 * "&$0->lock": remember the last rewrites, by call and instance, as
 * strtab ids (an entry keeps its instance's id, not the string).  Each
 * thread has its own: the checks beside the summaries map entries too.
 */
#define MEMO_SIZE 65536

struct memo_slot {
	const struct callsite *call;
	unsigned int inst, mapped;
};

static __thread struct memo_slot *memo;

/*
 * Whether an instance is relative to a parameter, by strtab id: most
 * entries name a global or nothing, and those map to themselves.  Two
 * bits an id, RELATIVE_KNOWN and RELATIVE_YES, 32 ids a word: asked for
 * each entry pulled, and a byte an id was a cache miss most times at
 * kernel size.  Each thread's too.
 */
#define RELATIVE_KNOWN 1UL
#define RELATIVE_YES 2UL
#define RELATIVE_PER_WORD 32

static __thread unsigned long *relative;
static __thread unsigned int arelative;	/* words */

bool summary_inst_relative(unsigned int inst)
{
	unsigned int word = inst / RELATIVE_PER_WORD, shift = inst % RELATIVE_PER_WORD * 2;
	unsigned long state;

	if (word >= arelative) {
		unsigned int n = arelative ? arelative : 128;

		while (n <= word)
			n *= 2;
		relative = ls_xrealloc(relative, n * sizeof(*relative));
		memset(relative + arelative, 0, (n - arelative) * sizeof(*relative));
		arelative = n;
	}
	state = relative[word] >> shift & 3;
	if (!state) {
		state = RELATIVE_KNOWN | (strchr(strtab_string(inst), '$') ? RELATIVE_YES : 0);
		relative[word] |= state << shift;
	}
	return state & RELATIVE_YES;
}

static unsigned int map_inst(const struct callsite *call, unsigned int inst)
{
	unsigned long h;

	if (!inst || !summary_inst_relative(inst))
		return inst;
	h = hash_ptr3(call, (const void *)(unsigned long)inst, NULL) &
			  (MEMO_SIZE - 1);
	if (!memo)
		memo = ls_xcalloc(MEMO_SIZE, sizeof(*memo));
	if (memo[h].call != call || memo[h].inst != inst) {
		memo[h].call = call;
		memo[h].inst = inst;
		memo[h].mapped = strtab_id(rewrite_inst(call, strtab_string(inst)));
	}
	return memo[h].mapped;
}

struct pguard *summary_find_guard(struct pguard *list, int n, int param)
{
	int i;

	for (i = 0; i < n; i++)
		if (list[i].param == param)
			return &list[i];
	return NULL;
}

/*
 * The caller's constraints of one mapping: valid until the next.  Each
 * thread has its own (lock-order maps beside the other checks; it asks
 * for no instances, so the memo and strtab are the main thread's alone).
 */
static __thread struct pguard *scratch;
static __thread int ascratch;

void summary_map_thread_end(void)
{
	free(memo);
	free(relative);
	free(scratch);
	memo = NULL;
	relative = NULL;
	arelative = 0;
	scratch = NULL;
	ascratch = 0;
}

static void add_constraint(int *n, int param, const struct param_guard *g)
{
	struct pguard *have = summary_find_guard(scratch, *n, param);

	if (have) {
		guard_meet(&have->g, g);
		return;
	}
	if (*n == ascratch) {
		ascratch = ascratch ? ascratch * 2 : 16;
		scratch = ls_xrealloc(scratch, ascratch * sizeof(*scratch));
	}
	scratch[*n].param = param;
	scratch[*n].g = *g;
	(*n)++;
}

bool summary_map_id(const struct callsite *call, const struct func *target, int k,
		    const struct summary_entry *e, unsigned int *inst,
		    const struct pguard **guards, int *nguards)
{
	/* a notifier chain's arguments are not its callbacks' parameters */
	bool through_chain = call->how == 'd' && target->name != call->callee;
	const struct pguard *eg;
	int i, n = 0, neg;

	for (i = 0; i < call->rare->nguards; i++)
		add_constraint(&n, call->rare->guards[i].param, &call->rare->guards[i].g);
	eg = guards_list(summary_guards(target, k), &neg);
	for (i = 0; i < neg; i++) {
		const struct pguard *pg = &eg[i];
		const char *arg = pg->param < call->nargs ? call->args[pg->param] : NULL;
		char *end;
		long v;

		if (!arg || through_chain)
			continue;
		if (arg[0] == '#') {
			if (!guard_allows(&pg->g, strtoll(arg + 1, NULL, 10)))
				return false;
			continue;
		}
		if (arg[0] == '$') {
			v = strtol(arg + 1, &end, 10);
			if (end != arg + 1 && !*end)
				add_constraint(&n, v, &pg->g);
		}
	}
	for (i = 0; i < n; i++)
		if (scratch[i].g.op == G_NEVER)
			return false;
	if (inst && through_chain) {
		*inst = e->inst && !summary_inst_relative(e->inst) ? e->inst : 0;
	} else if (inst) {
		*inst = map_inst(call, e->inst);
	}
	if (guards) {
		*guards = scratch;
		*nguards = n;
	}
	return true;
}

bool summary_map(const struct callsite *call, const struct func *target, int k,
		 const struct summary_entry *e, const char **inst,
		 const struct pguard **guards, int *nguards)
{
	unsigned int id;

	if (!summary_map_id(call, target, k, e, inst ? &id : NULL, guards, nguards))
		return false;
	if (inst)
		*inst = strtab_string(id);
	return true;
}
