/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_LOCKSET_H
#define LOCKSCOPE_LOCKSET_H

#include <stdbool.h>
#include "linearize.h"
#include "lockscope/lockid.h"
#include "lockscope/rules.h"

/*
 * Per lock, the set of states it may be in at a program point.  The
 * analysis is a forward dataflow over sparse's basic blocks; at a join the
 * sets are united, so a lock is known held only where every path agrees.
 */
/* A lock with an empty mask does not exist there: its pointer is NULL. */
#define LS_UNTOUCHED	0x1	/* as on entry: the caller's business */
#define LS_HELD		0x2
#define LS_RELEASED	0x4

struct lock_state {
	unsigned char mask;
	unsigned char mode;		/* enum lock_mode, when held */
	short depth;			/* nesting of counting kinds; -1 unknown */
	int subclass;			/* -1 none */
	struct position held_at;
	struct position released_at;
	pseudo_t try_result;		/* an untested trylock's result */
	bool try_zero;			/* ... which succeeds when zero */
	unsigned char try_prev_mask;	/* the state before the trylock */
	short try_prev_depth;
};

struct lockset {
	int n;
	struct lock_state *s;
};

#define LOCK_MAX_BASES 4

/* A lock the function touches. */
struct lock_slot {
	struct lock_ref ref;
	enum lock_kind kind;
	bool held_by_caller;		/* released before any acquisition */
	bool reported;			/* a double lock: the rest is moot */
	bool implied;			/* only ever as a shadow of a _bh lock */
	bool explicit_use;
	int nbases;
	pseudo_t bases[LOCK_MAX_BASES];	/* pointers it is reached through */
};

/* What a function's context annotations demand of one lock. */
struct lock_contract {
	int lock;
	bool held_on_entry;
	bool held_on_exit;
	bool waived;			/* the body balances it by hand */
	struct position pos;
};

struct fn_ctx {
	struct entrypoint *ep;
	struct symbol *fn;
	const char *name;
	int nlocks;
	struct lock_slot *locks;
	int ncontracts;
	struct lock_contract *contracts;
	bool conditional;		/* __cond_acquires: no exit contract */
	int fid;			/* its number in the facts file */
};

struct lock_event {
	struct instruction *insn;
	struct position pos;		/* in the checked file, not a header */
	const char *callee;
	enum lock_op op;
	enum lock_mode mode;
	int lock;			/* index into fn_ctx.locks */
	int subclass;
	unsigned int context;		/* CTX_* of the call */
};

/* One way out of the function: an edge into the block that returns. */
struct return_edge {
	struct position pos;
	const struct lockset *state;
	pseudo_t value;			/* the returned value, or NULL */
	unsigned int bits;		/* its size */
	struct basic_block *from;	/* NULL: the returning block itself */
	struct basic_block *to;
};

/*
 * Does @cond being true mean @value is non-zero (1), zero (0), or is it
 * not known (-1)?
 */
int lockset_polarity(pseudo_t cond, pseudo_t value);
/* The same for the values @match picks out, given @data. */
typedef bool (*pseudo_match_fn)(pseudo_t p, const void *data);
int lockset_polarity_of(pseudo_t cond, pseudo_match_fn match, const void *data);

/* Print the lock events of the next function analysed (--dump). */
extern bool lockset_debug;

/* Analyse @ep and feed every registered check. */
void lockset_analyse(struct entrypoint *ep);

/*
 * Is @ev (a release) the first event of its lock in a block that one of
 * its ways in reaches with the lock already released?  Where it was.
 */
bool lockset_released_on_entry_edge(struct fn_ctx *fn, const struct lock_event *ev,
				    struct position *released_at);

/* The callee's name as written at the call (spin_lock, not _raw_spin_lock). */
const char *lock_event_name(const struct lock_event *ev);

#endif
