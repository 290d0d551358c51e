/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_LOCKID_H
#define LOCKSCOPE_LOCKID_H

#include <stdbool.h>
#include "linearize.h"

/*
 * The name of a lock, the way lockdep and kernel developers think of it:
 *
 *   instance  what the code locks, as written:       &ifp->idev->lock
 *   klass     the lockdep-style class:                struct inet6_dev::lock
 *   rel       the instance relative to the parameters: $0->idev->lock
 *
 * Local pointer copies need no work: sparse's SSA form already made them
 * the same pseudo.  Instances rooted in a value that is not a path (a call's
 * result, a loop cursor) are keyed by that pseudo: the same pseudo is the
 * same object, until a loop gives the cursor its next value.
 */
struct lock_ref {
	char *key;		/* identity within the function */
	char *instance;
	char *klass;
	char *rel;		/* NULL unless rooted at a parameter */
	int param;		/* root parameter (0-based), or -1 */
	bool class_known;	/* false: only the lock's type is known */
	bool global;		/* a global object: one instance tree-wide */
	bool instance_known;	/* false: a constant "address" (dead code) */
	pseudo_t loop_phi;	/* the name changes meaning where this is set */
	pseudo_t base;		/* the pointer the lock lives behind, if any */
};

/*
 * Name the object that pointer @ptr points to inside @fn's entry point.
 * @want is the type of that object when the caller knows it (a lock API's
 * parameter type), to stop the walk through nested structs at the right
 * member; @member is appended (lock_sock()'s "sk_lock"), may be NULL.
 */
void lockid_describe(struct entrypoint *ep, pseudo_t ptr, struct symbol *want,
		     const char *member, struct lock_ref *out);
/* The object @sym itself (a global lock), @member appended; may be NULL. */
void lockid_symbol(struct entrypoint *ep, struct symbol *sym, const char *member,
		   struct lock_ref *out);
/* A lock with a fixed name (rtnl_lock()'s rtnl_mutex, "rcu"). */
void lockid_fixed(const char *name, struct lock_ref *out);
void lockid_release(struct lock_ref *ref);

/* The type an argument of function type @fn points to, or NULL. */
struct symbol *lockid_param_pointee(struct symbol *fn, int arg);
/* The file-qualified name of @sym when it is static: "net/x.c:sym". */
const char *lockid_symbol_name(struct symbol *sym, char *buf, int size);

/*
 * The struct member at byte @off of @type, through nested structs and
 * arrays: its struct's type name and its name.  False if there is none.
 * Of the members of a union that start there, the one that is @want or
 * has type @want (the member an initializer designates, the type a load
 * or store accesses): the LSM hooks are one union of function pointers.
 */
bool lockid_field_at(struct symbol *type, long long off, struct symbol *want,
		     char *container, int csize, char *field, int fsize);
/* The same for the object @addr points to, in @ep. */
bool lockid_field_of(struct entrypoint *ep, pseudo_t addr, long long off,
		     struct symbol *want, char *container, int csize,
		     char *field, int fsize);
/* The member of struct type @stop holding byte @off: "struct T::member". */
bool lockid_member_of_type(struct entrypoint *ep, pseudo_t addr, long long off,
			   const char *stop, char *container, int csize);

#endif
