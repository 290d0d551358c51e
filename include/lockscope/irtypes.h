/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_IRTYPES_H
#define LOCKSCOPE_IRTYPES_H

/* Small questions about sparse's types and pseudos that several checks ask. */
struct symbol;
struct entrypoint;
struct pseudo;

/* @type without its SYM_NODE wrappers. */
struct symbol *ir_strip_node(struct symbol *type);
/* The struct a pointer type points to, or NULL. */
struct symbol *ir_struct_pointee(struct symbol *type);
/* The @nr-th (from 0) parameter of @ep's function, or NULL. */
struct symbol *ir_param(struct entrypoint *ep, int nr);
/* @p without casts, copies and constant offsets (added to *@off). */
struct pseudo *ir_strip_offsets(struct pseudo *p, long long *off);

#endif
