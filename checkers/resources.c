// SPDX-License-Identifier: MIT
/*
 * Resources: pointers loaded from struct members, named by the member.
 * A free of "cmd->pool" and an allocation from "dev->cmd.pool" both name
 * "struct mlx5_cmd::pool": the class of the member, as for locks.
 */
#include <stdio.h>

#include "symbol.h"

#include "lockscope/lockid.h"
#include "lockscope/resources.h"

static bool is_void_pointer(struct symbol *type)
{
	if (type && type->type == SYM_NODE)
		type = type->ctype.base_type;
	if (!type || type->type != SYM_PTR)
		return false;
	type = type->ctype.base_type;
	if (type && type->type == SYM_NODE)
		type = type->ctype.base_type;
	return type == &void_ctype;
}

/* Casts change nothing about what a pointer points to. */
static pseudo_t strip_casts(pseudo_t p)
{
	int guard = 0;

	while (p && p->type == PSEUDO_REG && p->def && guard++ < 8) {
		struct instruction *def = p->def;

		if (def->opcode != OP_PTRCAST && def->opcode != OP_UTPTR &&
		    def->opcode != OP_PTRTU && def->opcode != OP_ZEXT &&
		    def->opcode != OP_SEXT && def->opcode != OP_TRUNC)
			break;
		p = def->src;
	}
	return p;
}

bool resource_class(struct entrypoint *ep, pseudo_t p, char *buf, int size)
{
	char container[192], member[96];
	struct instruction *def;

	p = strip_casts(p);
	if (!p || p->type != PSEUDO_REG || !(def = p->def) || def->opcode != OP_LOAD)
		return false;
	/* a void pointer (driver_data, private) is everyone's: no resource */
	if (is_void_pointer(def->type))
		return false;
	if (!lockid_field_of(ep, def->src, def->offset, def->type,
			     container, sizeof(container), member, sizeof(member)))
		return false;
	snprintf(buf, size, "%s::%s", container, member);
	return true;
}

/* The pointer an address is computed from: "p->x[i]" is through p. */
static pseudo_t address_base(pseudo_t addr)
{
	int guard = 0;

	addr = strip_casts(addr);
	while (addr && addr->type == PSEUDO_REG && addr->def &&
	       addr->def->opcode == OP_ADD && guard++ < 8) {
		pseudo_t a = strip_casts(addr->def->src1);
		pseudo_t b = strip_casts(addr->def->src2);

		/* the pointer side of the sum is the one that was loaded */
		if (b && b->type == PSEUDO_REG && b->def && b->def->opcode == OP_LOAD &&
		    !(a && a->type == PSEUDO_REG && a->def && a->def->opcode == OP_LOAD))
			addr = b;
		else
			addr = a;
	}
	return addr;
}

void resource_derefs(struct entrypoint *ep,
		     void (*fn)(struct instruction *insn, const char *klass, void *data),
		     void *data)
{
	struct instruction *insn;
	struct basic_block *bb;
	char klass[300];

	FOR_EACH_PTR(ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb || (insn->opcode != OP_LOAD && insn->opcode != OP_STORE))
				continue;
			if (resource_class(ep, address_base(insn->src), klass, sizeof(klass)))
				fn(insn, klass, data);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

/*
 * The object @p points into: casts and constant offsets are followed,
 * anything else (a load, a call, a phi) is an object of its own.
 */
pseudo_t pointer_object(pseudo_t p)
{
	int steps;

	for (steps = 0; steps < 32 && p && p->type == PSEUDO_REG && p->def; steps++) {
		struct instruction *def = p->def;

		switch (def->opcode) {
		case OP_PTRCAST:
		case OP_UTPTR:
		case OP_PTRTU:
		case OP_COPY:
			p = def->src;
			continue;
		case OP_ADD:
			if (def->src2->type == PSEUDO_VAL)
				p = def->src1;
			else if (def->src1->type == PSEUDO_VAL)
				p = def->src2;
			else
				return p;
			continue;
		case OP_SUB:
			if (def->src2->type != PSEUDO_VAL)
				return p;
			p = def->src1;
			continue;
		default:
			return p;
		}
	}
	return p;
}
