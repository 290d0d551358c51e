/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_RCU_H
#define LOCKSCOPE_RCU_H

#include <stdbool.h>
#include "symbol.h"
#include "linearize.h"

/* One row of rules/rcu.tab: an RCU list or lifetime primitive. */
enum rcu_op {
	RCU_ADD_RCU,
	RCU_ADD,
	RCU_DEL_RCU,
	RCU_DEL,
	RCU_FREE_RCU,
	RCU_FREE,
	RCU_SYNC,
	RCU_NR_OPS
};

enum rcu_link {
	RL_NONE,
	RL_HLIST,
	RL_NULLS,
	RL_LIST,
	RL_NR
};

struct rcu_api {
	const char *name;
	enum rcu_op op;
	enum rcu_link link;
	int obj;		/* the node or object argument, or -1 */
	int head;		/* the list head argument, or -1 */
};

extern const char *const rcu_op_names[RCU_NR_OPS];
extern const char *const rcu_link_names[RL_NR];

/* Load rules/rcu.tab from @dir; a bad line is fatal, with its number. */
void rcu_rules_load(const char *dir);
const struct rcu_api *rcu_rules_lookup(const char *name);
/* The rcu_api of a call instruction, or NULL. */
const struct rcu_api *rcu_call_api(struct instruction *insn);

/*
 * The list link a pointer type is, when it is an __rcu pointer to a list
 * node (what the RCU list walks load): RL_NONE otherwise.
 */
enum rcu_link rcu_pointer_link(struct symbol *type);
/* Is @type a pointer annotated __rcu? */
bool rcu_is_rcu_pointer(struct symbol *type);

/*
 * Is @load a link load of an RCU walk of a list_head list (a READ_ONCE()
 * of a list_head pointer that becomes an entry), not a cursor's own link?
 */
bool rcu_list_walk_load(struct entrypoint *ep, struct instruction *load);
/* Where rcu_read_lock() is held on every path (rcu_list_walks.c). */
struct rcu_sections;
struct rcu_sections *rcu_sections_compute(struct entrypoint *ep);
bool rcu_sections_held(struct rcu_sections *s, struct instruction *at);
void rcu_sections_free(struct rcu_sections *s);

/*
 * Recyclable types: before evaluation (which folds sizeof() away), find
 * the struct types of SLAB_TYPESAFE_BY_RCU caches in a file's symbols.
 */
void rcu_types_scan(struct symbol_list *list, int stream);

/* The per-file parts: facts for the whole tree, and the local check. */
void register_rcu_facts(void);
void register_rcu_free(void);

#endif
