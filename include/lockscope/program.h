/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_PROGRAM_H
#define LOCKSCOPE_PROGRAM_H

#include <stdbool.h>
#include "lockscope/guards.h"

/*
 * The whole tree, as the facts describe it: functions, their calls and
 * acquisitions, and the functions bound to struct fields.  All strings
 * are interned (strtab_intern), so equal strings are equal pointers.
 */

const char *strtab_intern(const char *s);

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

struct callsite {
	struct func *caller;
	int line, col;
	char how;			/* 'd' direct, 'f' through a field, 'u' unknown */
	const char *callee;		/* name, or "struct T::field" */
	int nargs;
	const char **args;		/* "#value", "$0->x", "&sym", "-" */
	int nguards;
	struct pguard *guards;
	int nheld;
	struct held_lock *held;
	int nreleased;
	const char **released;		/* the caller's locks dropped before */
	int ntargets;
	struct func **targets;
	const char *via;		/* for indirect calls: the field */
};

struct acquisition {
	struct func *fn;
	int line, col;
	const char *kind, *mode, *klass, *inst, *shown;
	bool trylock;
	int subclass;			/* lockdep subclass: another instance */
	bool again;			/* retaken after this function released it */
	int nguards;
	struct pguard *guards;
	int nheld;
	struct held_lock *held;
};

/* One lock a function may acquire, itself or through its callees. */
struct summary_entry {
	const char *klass, *inst, *kind, *mode;
	int nguards;
	struct pguard *guards;		/* over the function's parameters */
	/* the witness: acquired here, or a call here into next's function */
	int line, col;
	const struct callsite *call;	/* NULL: acquired in this function */
	const struct summary_entry *next;
	const struct func *callee;	/* whose summary next is in */
	const struct acquisition *acq;	/* the acquisition at the end */
	unsigned long stamp;		/* when it last changed (summary.c) */
};

struct sum_index;

struct func {
	const char *name;		/* statics: "path:name" */
	const char *file;
	int line;
	int ncalls, acalls;
	struct callsite *calls;
	int nacqs, aacqs;
	struct acquisition *acqs;
	int nsum, asum;
	struct summary_entry **sum;	/* entries never move: chains point at them */
	struct sum_index *sum_index;	/* while being summarised */
	unsigned long stamp;		/* when an entry last changed */
	/* Tarjan */
	int index, low;
	bool on_stack, summarised;
	struct func *next_same;		/* another definition of the name */
};

struct binding {
	const char *field;		/* "struct T::field" */
	int nfns, afns;
	const char **fns;
};

struct program {
	int nfuncs, afuncs;
	struct func **funcs;
	int nfiles, nskipped;
};

/* Load every *.facts file under @dir; bad files are reported and skipped. */
void program_load(struct program *prog, const char *dir);
struct func *program_function(const char *name);
struct binding *program_binding(const char *field);
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
void notifiers_targets(struct callsite *cs, void (*add)(struct callsite *, struct func *));

/* Resolve every call's targets. */
void callgraph_build(struct program *prog);
/* Summaries of what each function may acquire, callees first. */
void summaries_build(struct program *prog);

/*
 * Map a callee's summary entry through @call into the caller's terms:
 * false when the call's constant arguments rule the entry out.
 */
bool summary_map(const struct callsite *call, const struct func *target,
		 const struct summary_entry *e, const char **inst,
		 struct pguard **guards, int *nguards);

#endif
