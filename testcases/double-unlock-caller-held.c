#include "kernel.h"

struct obj {
	spinlock_t lock;
	int refs;
};

static void obj_free(struct obj *o);

/*
 * Called with o->lock held, drops it on every path: the lock is the
 * caller's, not released twice.
 */
static void obj_put_locked(struct obj *o)
{
	if (--o->refs) {
		spin_unlock(&o->lock);
		return;
	}
	spin_unlock(&o->lock);
	obj_free(o);
}

/*
 * check-name: releasing the caller's lock on every path is not a double unlock
 */
