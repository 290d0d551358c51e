// SPDX-License-Identifier: MIT
/*
 * Arguments computed from a parameter by and/or with constants, so that
 * a constant at the top of a call chain can be followed through them
 * ("__ip_append_data(..., flags)" passes "flags & MSG_DONTWAIT" on).
 */
#include "lockscope/arg_arith.h"

#define MAX_OPS 8

struct arith_op {
	char op;		/* '&' or '|' */
	long long value;
};

/* A truncation to @bits keeps the low bits: an and with their mask. */
static long long low_bits(unsigned int bits)
{
	return bits >= 64 ? -1LL : (long long)((1ULL << bits) - 1);
}

bool arg_arith(pseudo_t arg, struct strbuf *out)
{
	struct arith_op ops[MAX_OPS];
	int n = 0, depth;

	for (depth = 0; depth < 2 * MAX_OPS && arg; depth++) {
		struct instruction *def;

		if (arg->type == PSEUDO_ARG)
			break;
		if (arg->type != PSEUDO_REG || !(def = arg->def))
			return false;
		switch (def->opcode) {
		case OP_AND:
		case OP_OR:
			/* simplify puts a constant operand second */
			if (def->src2->type != PSEUDO_VAL || n == MAX_OPS)
				return false;
			ops[n].op = def->opcode == OP_AND ? '&' : '|';
			ops[n++].value = def->src2->value;
			arg = def->src1;
			break;
		case OP_TRUNC:
			if (n == MAX_OPS)
				return false;
			ops[n].op = '&';
			ops[n++].value = low_bits(def->size);
			arg = def->src;
			break;
		case OP_ZEXT:
		case OP_SEXT:
		case OP_COPY:
			arg = def->src;
			break;
		default:
			return false;
		}
	}
	if (!arg || arg->type != PSEUDO_ARG || !n)
		return false;
	sb_addf(out, "$%d", arg->nr - 1);
	while (n--)
		sb_addf(out, "%c%lld", ops[n].op, ops[n].value);
	return true;
}
