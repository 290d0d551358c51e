// SPDX-License-Identifier: MIT
/*
 * Branches on the preempt count's softirq and interrupt bits.  x86 reads
 * __preempt_count with inline assembly (raw_cpu_read_4()); the tests are
 * that value masked by constants that keep some of the SOFTIRQ, HARDIRQ
 * or NMI bits (0xff00, 0xf0000, 0x100000 in 6.1's preempt.h).
 */
#include <string.h>

#include "lockscope/lockset.h"
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

/* A whole test of the context bits: the mask is applied here. */
static bool masked_context_bits(pseudo_t p, const void *unused)
{
	(void)unused;
	return p->type == PSEUDO_REG && p->def && p->def->opcode == OP_AND &&
	       context_bits(p, ~0ull, 0);
}

int softirq_test_polarity(pseudo_t cond)
{
	return cond ? lockset_polarity_of(cond, masked_context_bits, NULL) : -1;
}
