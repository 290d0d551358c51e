#include "kernel.h"

struct obj {
	spinlock_t lock;
	int n;
};

/* -Wsparse-error: lockscope's warning becomes an error, exit status 1. */
static void obj_inc(struct obj *o)
{
	spin_lock(&o->lock);
	o->n++;
	spin_lock(&o->lock);
	spin_unlock(&o->lock);
}

/*
 * check-name: -Wsparse-error turns lockscope's warning into an error, exit status 1
 * check-command: lockscope -Iinclude -Wsparse-error $file
 * check-exit-value: 1
 *
 * check-error-start
invocation-sparse-error.c:13:9: error: spin_lock() acquires '&o->lock' while it is already held: self-deadlock [lockscope/double-lock]
invocation-sparse-error.c:11:9: note: '&o->lock' (struct obj::lock) was acquired here
 * check-error-end
 */
