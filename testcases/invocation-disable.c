#include "kernel.h"

struct obj {
	spinlock_t lock;
	int n;
};

/* --disable=double-lock: that check is off, the others still run. */
static void obj_inc(struct obj *o)
{
	spin_lock(&o->lock);
	o->n++;
	spin_lock(&o->lock);
	spin_unlock(&o->lock);
	spin_unlock(&o->lock);
	spin_unlock(&o->lock);
}

/*
 * check-name: --disable=double-lock turns that check off, the others run
 * check-command: lockscope -Iinclude --disable=double-lock $file
 *
 * check-error-start
invocation-disable.c:16:9: warning: spin_unlock() releases '&o->lock', which is not held on this path [lockscope/double-unlock]
invocation-disable.c:15:9: note: '&o->lock' (struct obj::lock) was already released here
 * check-error-end
 */
