// SPDX-License-Identifier: MIT
/*
 * Branches on the preempt count's softirq and interrupt bits.  x86 reads
 * __preempt_count with inline assembly (raw_cpu_read_4()); the tests are
 * that value masked by constants that keep some of the SOFTIRQ, HARDIRQ
 * or NMI bits (0xff00, 0xf0000, 0x100000 in 6.1's preempt.h).
 */
#include <string.h>

#include "lockscope/softirq_test.h"

#define IRQ_CONTEXT_BITS	0x1fff00ull

static bool reads_preempt_count(struct instruction *def)
{
	struct asm_constraint *c;

	if (!def || def->opcode != OP_ASM || !def->asm_rules)
		return false;
	FOR_EACH_PTR(def->asm_rules->inputs, c) {
		pseudo_t p = c->pseudo;

		if (p && p->type == PSEUDO_SYM && p->sym->ident &&
		    !strcmp(show_ident(p->sym->ident), "__preempt_count"))
			return true;
	} END_FOR_EACH_PTR(c);
	return false;
}

/* Is @p the preempt count masked to (some of) the context bits? */
static bool context_bits(pseudo_t p, unsigned long long mask, int depth)
{
	struct instruction *def = p->type == PSEUDO_REG ? p->def : NULL;

	if (!def || depth > 8)
		return false;
	switch (def->opcode) {
	case OP_AND:
		if (def->src2->type != PSEUDO_VAL)
			return false;
		return context_bits(def->src1, mask & def->src2->value, depth + 1);
	case OP_ZEXT:
	case OP_SEXT:
	case OP_TRUNC:
	case OP_COPY:
		return context_bits(def->src, mask, depth + 1);
	case OP_ASM:
		return (mask & IRQ_CONTEXT_BITS) && mask == (mask & IRQ_CONTEXT_BITS) &&
		       reads_preempt_count(def);
	default:
		return false;
	}
}

static int polarity(pseudo_t cond, int depth)
{
	struct instruction *def = cond->type == PSEUDO_REG ? cond->def : NULL;
	int p;

	if (!def || depth > 8)
		return -1;
	switch (def->opcode) {
	case OP_ZEXT:
	case OP_SEXT:
	case OP_TRUNC:
	case OP_COPY:
		return polarity(def->src, depth + 1);
	case OP_SET_NE:
	case OP_SET_EQ:
		if (def->src2->type != PSEUDO_VAL || def->src2->value)
			return -1;
		p = polarity(def->src1, depth + 1);
		if (p < 0 || def->opcode == OP_SET_NE)
			return p;
		return !p;
	case OP_AND:
		return context_bits(cond, ~0ull, depth) ? 1 : -1;
	default:
		return -1;
	}
}

int softirq_test_polarity(pseudo_t cond)
{
	return cond ? polarity(cond, 0) : -1;
}
