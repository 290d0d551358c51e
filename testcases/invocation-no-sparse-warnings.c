#include "kernel.h"

struct obj {
	spinlock_t lock;
	int n;
};

/* Not static, not declared: sparse would warn; --no-sparse-warnings silences it. */
int obj_count;

static void obj_inc(struct obj *o)
{
	spin_lock(&o->lock);
	o->n++;
	spin_lock(&o->lock);
	spin_unlock(&o->lock);
}

/*
 * check-name: --no-sparse-warnings silences sparse, keeps lockscope
 * check-command: lockscope -Iinclude --no-sparse-warnings $file
 *
 * check-error-start
invocation-no-sparse-warnings.c:15:9: warning: spin_lock() acquires '&o->lock' while it is already held: self-deadlock [lockscope/double-lock]
invocation-no-sparse-warnings.c:13:9: note: '&o->lock' (struct obj::lock) was acquired here
 * check-error-end
 */
