#include "kernel.h"

struct obj {
	spinlock_t lock;
	int n;
};

/* Not static, not declared: sparse's own warning, kept by default. */
int obj_count;

static void obj_inc(struct obj *o)
{
	spin_lock(&o->lock);
	o->n++;
	spin_lock(&o->lock);
	spin_unlock(&o->lock);
}

/*
 * check-name: sparse's own warnings are printed by default, before lockscope's
 *
 * check-error-start
invocation-sparse-warnings.c:9:5: warning: symbol 'obj_count' was not declared. Should it be static?
invocation-sparse-warnings.c:15:9: warning: spin_lock() acquires '&o->lock' while it is already held: self-deadlock [lockscope/double-lock]
invocation-sparse-warnings.c:13:9: note: '&o->lock' (struct obj::lock) was acquired here
 * check-error-end
 */
