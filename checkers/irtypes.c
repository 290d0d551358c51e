// SPDX-License-Identifier: MIT
/* Small questions about sparse's types and pseudos that several checks ask. */
#include "linearize.h"
#include "symbol.h"
#include "lockscope/irtypes.h"

struct symbol *ir_strip_node(struct symbol *type)
{
	while (type && type->type == SYM_NODE)
		type = type->ctype.base_type;
	return type;
}

struct symbol *ir_struct_pointee(struct symbol *type)
{
	type = ir_strip_node(type);
	if (!type || type->type != SYM_PTR)
		return NULL;
	type = ir_strip_node(type->ctype.base_type);
	return type && type->type == SYM_STRUCT ? type : NULL;
}

struct symbol *ir_param(struct entrypoint *ep, int nr)
{
	struct symbol *fn = ir_strip_node(ep->name), *arg;
	int i = 0;

	if (!fn || fn->type != SYM_FN)
		return NULL;
	FOR_EACH_PTR(fn->arguments, arg) {
		if (i++ == nr)
			return arg;
	} END_FOR_EACH_PTR(arg);
	return NULL;
}

/* The guard bounds a chain of definitions, which a cycle could make endless. */
pseudo_t ir_strip_offsets(pseudo_t p, long long *off)
{
	int guard = 0;

	while (p && p->type == PSEUDO_REG && p->def && guard++ < 16) {
		struct instruction *def = p->def;

		if (def->opcode == OP_PTRCAST || def->opcode == OP_COPY) {
			p = def->src;
		} else if (def->opcode == OP_ADD && def->src2->type == PSEUDO_VAL) {
			*off += def->src2->value;
			p = def->src1;
		} else {
			break;
		}
	}
	return p;
}
