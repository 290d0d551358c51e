/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_PROGRAM_H
#define LOCKSCOPE_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include "lockscope/guards.h"

struct ptrtab;

/*
 * The whole tree, as the facts describe it: functions, their calls and
 * acquisitions, and the functions bound to struct fields.  All strings
 * are interned (strtab_intern), so equal strings are equal pointers.
 */

const char *strtab_intern(const char *s);
/* The same for the @len bytes at @s, which hold no '\0'. */
const char *strtab_intern_len(const char *s, size_t len);
/*
 * An interned string's number (0 for NULL), and back.  The numbers fit
 * STRTAB_ID_BITS: summary entries pack them.
 */
#define STRTAB_ID_BITS 28
unsigned int strtab_id(const char *interned);
const char *strtab_string(unsigned int id);
/* Interning from several threads: on before they start, off once joined. */
void strtab_share(bool on);
/*
 * For the facts parser: interning with the hash computed ahead, and
 * loading what the interning of a string will read, a few records ahead.
 */
unsigned int strtab_hash(const char *s, size_t len);
const char *strtab_intern_hashed(const char *s, size_t len, unsigned int hash);
void strtab_prefetch(unsigned int hash);
void strtab_prefetch_string(unsigned int hash);
/*
 * One shared copy of the list of @n interned strings at @list (a call's
 * arguments): read only.  An empty list is one NULL.
 */
const char **strlist_intern(const char *const *list, int n);

/* A constraint on one parameter (see guards.h). */
struct pguard {
	int param;
	struct param_guard g;
};

struct held_lock {
	const char *kind, *mode, *klass, *inst, *shown;
	int line;
};

struct func;

/* Flag bits of a parameter known set or clear at a call (guards.h). */
struct bit_guard {
	int param;
	long long set, clear;
};

/*
 * What few calls have, kept apart from the call: a kernel has 5 M calls,
 * and fewer than one in ten is guarded, after a release or a wait.  A
 * call with none of them points at call_none.
 */
struct call_rare {
	struct pguard *guards;
	const char **released;		/* the caller's locks dropped before */
	const struct wait_site *wait;	/* waits for callbacks (waits.c), or NULL */
	struct bit_guard *bits;
	const char *chain_via;		/* a notifier chain call's callback field */
	unsigned char nguards, nreleased, nbits;	/* up to CALL_MAX_LIST */
};

extern const struct call_rare call_none;

struct callsite {
	struct func *caller;
	int line;
	unsigned short col;		/* CALL_MAX_COL at most */
	unsigned char nargs, nheld;	/* up to CALL_MAX_LIST */
	const char *callee;		/* name, or "struct T::field" */
	const char **args;		/* "#value", "$0->x", "&sym", "-" */
	struct held_lock *held;
	struct func **targets;
	const struct call_rare *rare;	/* never NULL */
	/*
	 * The numbers together, the short lists' lengths in a byte each:
	 * one call is 5M times over in a kernel, a cache line each.
	 */
	int ntargets;
	unsigned int edge0 : 24;	/* the caller's call edges before it (SUMMARY_EDGE_BITS) */
	unsigned int how : 8;		/* 'd' direct, 'f' through a field, 'u' unknown */
};

/*
 * The field @cs reaches its targets through, or NULL for a direct call:
 * a call through a field is named by it, and a notifier chain call's
 * callbacks are reached through the chain's field.
 */
static inline const char *call_via(const struct callsite *cs)
{
	if (cs->how == 'f')
		return cs->ntargets ? cs->callee : NULL;
	return cs->rare->chain_via;
}

/* The most arguments, guards, held or released locks of one call. */
#define CALL_MAX_LIST 255
/* A call's column, saturated: past it no one counts. */
#define CALL_MAX_COL 65535

struct acquisition {
	struct func *fn;
	int line, col;
	const char *kind, *mode, *klass, *inst, *shown;
	bool trylock;
	int subclass;			/* lockdep subclass: another instance */
	bool again;			/* retaken after this function released it */
	bool irq_off, bh_off;		/* its flavour: _irq/_irqsave, _bh */
	bool sleeps;			/* mutex_lock_interruptible() sleeps */
	int nguards;
	struct pguard *guards;
	int nheld;
	struct held_lock *held;
	unsigned int id;		/* number in the program (summary_acq) */
};

/*
 * One lock a function may acquire, itself or through its callees.  There
 * are hundreds of millions at kernel scale, so an entry is 12 bytes of
 * numbers; the summary_*() functions below read them, and the few with
 * guards (over the function's parameters) are listed by the function.
 * The class, kind and mode are those of the acquisition at the end of
 * the witness chain: acquired in this function, or a call edge here into
 * the callee's entry next.  The hop count of that chain saturates at 255;
 * the checks ask no more of the field hops than none, one or more.
 */
#define SUMMARY_ACQ_BITS 24
#define SUMMARY_EDGE_BITS 24
_Static_assert(SUMMARY_EDGE_BITS <= 24, "a call's edge0 is 24 bits");
#define SUMMARY_FIELD_HOPS_MAX 3

struct summary_entry {
	unsigned int inst : STRTAB_ID_BITS;	/* strtab_id() of the instance, 0: unknown */
	unsigned int vias : 2;		/* calls through a field, up to 3 */
	unsigned int fields : 2;	/* ... of them with how == 'f', up to 3 */
	unsigned int acq : SUMMARY_ACQ_BITS;	/* the acquisition's id */
	unsigned int hops : 8;		/* calls down to the acquisition */
	unsigned int edge : SUMMARY_EDGE_BITS;	/* 0: acquired here, else call edge + 1 */
	unsigned int next : 8;		/* index in the callee's summary */
};

struct sum_work;
struct sum_index;
struct class_filter;

/* The guards of summary entry @entry: a guards_list() id. */
struct guarded {
	unsigned int entry, guards;
};

/*
 * The end of a summary that is its callee's, seen through one call: the
 * callee's entries in their order but those left out (the caller had the
 * lock already, or the call rules it out), one hop more, and the few whose
 * instance or guards the call changes.  Most functions above a large cycle
 * end with the same 256 locks as their callee: they keep them once.
 */
struct tail_change {
	int at;				/* position in the tail */
	unsigned int inst, guards;
};

struct summary_tail {
	const struct func *callee;
	unsigned int edge;		/* the caller's call edge to it */
	unsigned char via, field;	/* the call is through a field / 'f' */
	unsigned char depth;		/* tails to follow, this one included */
	unsigned char first;		/* the callee's entry at position 0 */
	int nchanged;
	/* the callee's entry at each position; NULL: first, first + 1, ... */
	unsigned char *index;
	struct tail_change *changed;	/* by position, ascending */
};

/* A resource freed or used (rules/teardown.tab, plain dereferences). */
struct resource_site {
	int line, col;
	const char *klass;		/* "struct T::member" */
	const char *how;		/* the callee, or "deref" */
};

struct teardown_state;
/* A wait for the callbacks of an object, and a callback bound to one. */
struct wait_site {
	const char *kind, *object, *shown;
};
struct wait_bind {
	int line;
	const char *kind, *object, *callback;
};
/*
 * An RCU list event (rcu_facts.c): a walk (W), a walk whose RCU section
 * is the callers' (P), or a list primitive (L); or an unpublish or free
 * across calls (N, check_rcu_free.c).
 */
struct rcu_event {
	char tag;
	int line, col;
	const char *op, *link;		/* L: "add-rcu", ...; "hlist", "nulls", "list" */
	const char *node, *obj;		/* L: node class, object ("$0") or "-" */
	const char *head, *shown;	/* the head's class and instance, or "-" */
	/* N: op is the kind, node the callee, obj the free or unpublish */
	int arg, cline, ccol;
};

/* A struct type whose objects come from a SLAB_TYPESAFE_BY_RCU cache. */
struct recyclable {
	const char *type, *file, *source;
	int line;
};

/*
 * The summaries read the first cache line of every callee of every
 * function, most of them a cache miss: what they read is in it, and
 * functions are allocated on a line of their own (FUNC_ALIGN).
 */
#define FUNC_ALIGN 64

struct func {
	int nsum;			/* entries: summary_get() reads them */
	int nown;			/* ... the first ones, in sum[] */
	struct summary_entry *sum;	/* chains point at entries by index */
	const struct summary_tail *tail;	/* the others, or NULL */
	struct sum_work *work;		/* while its SCC is summarised (summary.c) */
	const struct sum_index *index_of;	/* its keys, if often read (summary.c) */
	const struct class_filter *classes;	/* of a long summary (summary.c) */
	unsigned int stamp;		/* when an entry last changed */
	int nguarded;
	struct guarded *guarded;	/* by entry, of the first nown */
	/* the first line ends here */
	const char *name;		/* statics: "path:name" */
	const char *file;
	int line;
	int ncalls;
	struct callsite *calls;
	int nacqs, aacqs;
	struct acquisition *acqs;
	int nfrees;
	struct resource_site *frees;
	int nuses;
	struct resource_site *uses;
	struct teardown_state *teardown;	/* check_teardown.c's */
	struct ctx_info *ctx;		/* context.c's */
	/* Tarjan */
	int index, low;
	int scc;			/* its SCC's place in the summaries' order */
	bool on_stack, summarised;
	unsigned char callers;		/* calls of it, up to 255 (callgraph.c) */
	bool calls_itself;		/* found by the SCC walk */
	struct func *next_same;		/* another definition of the name */
	int nrcu;
	struct rcu_event *rcu;
	int nwbinds, awbinds;
	struct wait_bind *wbinds;	/* callbacks bound to objects here (waits.c) */
};

struct binding {
	const char *field;		/* "struct T::field" */
	int nfns, afns;
	const char **fns;
	struct ptrtab *seen;		/* fns, once there are many */
};

struct program {
	int nfuncs, afuncs;
	struct func **funcs;
	int nfiles, nskipped;
};

/*
 * Load every *.facts file under @dir; bad files are reported and skipped.
 * @threaded: read them on a thread of their own, ahead of the parser.
 */
void program_load(struct program *prog, const char *dir, bool threaded);
/*
 * A function's name as the findings show it: a static's "path:" left
 * out (also a NULL name, as NULL).
 */
static inline const char *func_short_name(const char *name)
{
	const char *colon = name ? strrchr(name, ':') : NULL;

	return colon ? colon + 1 : name;
}

struct func *program_function(const char *name);
struct binding *program_binding(const char *field);
/* The same, for names already interned: no hashing of the string. */
struct func *program_function_named(const char *interned);
struct binding *program_binding_named(const char *interned);
/* Every binding, in no particular order. */
void program_for_each_binding(void (*fn)(struct binding *b, void *data), void *data);
/* The recyclable type @type (interned), or NULL. */
const struct recyclable *program_recyclable(const char *type);
/* The functions bound to @field of the global object @object ("&nb"). */
struct binding *program_object_binding(const char *object, const char *field);
/*
 * rules/callbacks.tab (which field a notifier-chain style function calls
 * through) and rules/registrations.tab (which field a function passed to a
 * registration call fills): load before the facts.
 */
void program_load_callbacks(const char *rules_dir);
const char *registration_field(const char *callee, long long arg);

/* Notifier chains (notifiers.c): rules, registrations, a chain call's targets. */
void notifiers_load(const char *rules_dir);
void notifiers_collect(struct program *prog);
const char *notifiers_targets(struct callsite *cs, void (*add)(struct callsite *, struct func *));
/* Does a call of @callee (interned) call a chain? */
bool notifiers_chain_call(const char *callee);
/* Is @field (interned) the callback field of a chain's blocks? */
bool notifiers_chain_field(const char *field);

/* Resolve every call's targets, and count each function's calls. */
void callgraph_build(struct program *prog);
/* Give @cs the target @fn, unless it has it; one more call of @fn. */
void callgraph_add_target(struct callsite *cs, struct func *fn);
/*
 * Summaries of what each function may acquire, callees first; @threaded:
 * the SCCs are found on a thread of their own (summary_sccs.c).
 */
void summaries_build(struct program *prog, bool threaded);
/*
 * Their progress, for a reader on another thread (summary_progress.c):
 * the summaries publish each SCC once done, then the end; a reader waits
 * for @fn's summary (and so its callees'), or for all of them.
 */
void summaries_publish(struct func **scc, int n);
void summaries_publish_all(void);
void summaries_wait(const struct func *fn);
void summaries_wait_all(void);
/* Until every function's ->scc is set (summary_sccs.c). */
void summaries_wait_sccs(void);
/* --stats: functions in the largest cycle, and the rounds it took */
void summaries_stats(int *scc, int *rounds);
/* The most entries a summary keeps: entry indices fit summary_entry::next. */
#define SUMMARY_MAX_ENTRIES 256
/*
 * --stats: entries kept in all, those stored (not in a tail), and the
 * functions whose summary is full
 */
void summaries_sizes(unsigned long *entries, unsigned long *stored, int *full);

/*
 * Entry @k (0 <= k < fn->nsum) of @fn's summary: in fn->sum, or, past
 * fn->nown, its tail's, made into @buf.  Chains point at entries by index:
 * copy an entry only together with its index.
 */
const struct summary_entry *summary_tail_get(const struct func *fn, int k,
					     struct summary_entry *buf);

static inline const struct summary_entry *summary_get(const struct func *fn, int k,
						      struct summary_entry *buf)
{
	if (k < fn->nown || !fn->tail)
		return &fn->sum[k];
	return summary_tail_get(fn, k, buf);
}

/*
 * All of @fn's entries, in order: fn->sum itself without a tail, else
 * made in @out (SUMMARY_MAX_ENTRIES long), each level of tails read once.
 * For a reader of every entry; chains still point at them by index.
 */
const struct summary_entry *summary_all(const struct func *fn, struct summary_entry *out);

/*
 * Map entry @k (@e) of a callee's summary through @call into the caller's
 * terms: false when the call's constant arguments rule the entry out.
 * @inst and @guards may be NULL when not wanted; the guards stay valid
 * until the next call on this thread.
 */
bool summary_map(const struct callsite *call, const struct func *target, int k,
		 const struct summary_entry *e, const char **inst,
		 const struct pguard **guards, int *nguards);
/* The same, with the instance as its strtab_id(). */
bool summary_map_id(const struct callsite *call, const struct func *target, int k,
		    const struct summary_entry *e, unsigned int *inst,
		    const struct pguard **guards, int *nguards);
/* Is the instance @inst (a strtab id, not 0) relative to a parameter? */
bool summary_inst_relative(unsigned int inst);
/* Free the calling thread's caches of mappings. */
void summary_map_thread_end(void);
struct pguard *summary_find_guard(struct pguard *list, int n, int param);

/* Reading an entry of @fn's summary. */
const struct acquisition *summary_acq(const struct summary_entry *e);
/*
 * Its class, from a table by acquisition id: the checks scan whole
 * summaries for one class, and reading each entry's acquisition for it
 * was a cache miss per entry.
 */
const char *summary_klass(const struct summary_entry *e);
const char *summary_inst(const struct summary_entry *e);
/* The call and callee of its witness: NULL when acquired in @fn itself. */
const struct callsite *summary_call_edge(const struct func *fn, unsigned int edge);
const struct callsite *summary_call(const struct func *fn, const struct summary_entry *e);
const struct func *summary_callee(const struct func *fn, const struct summary_entry *e);
/* The callee's entry it was pulled from, made into @buf if need be. */
const struct summary_entry *summary_next(const struct func *fn,
					 const struct summary_entry *e,
					 struct summary_entry *buf);
/*
 * May @fn's summary have an entry of class @klass (interned)?  False
 * means it has none: a check looking for one class asks before it reads
 * a long summary, which most often has none.
 */
bool summary_may_have(const struct func *fn, const char *klass);

/* The guards of entry @k: a guards_list() id. */
unsigned int summary_guards(const struct func *fn, int k);

/* Interned guard lists (summary_guards.c); 0 is the empty list. */
unsigned int guards_intern(const struct pguard *g, int n);
/* While two threads intern, on. */
void guards_share(bool on);
/* Never moves: lock-order reads lists while the summaries add more. */
const struct pguard *guards_list(unsigned int id, int *n);

#endif
