#include "kernel.h"

struct obj {
	spinlock_t lock;
	int n;
};

/*
 * Only a sparse warning here, and the user asked for none of sparse's
 * warnings: -Wsparse-error has nothing to turn into an error.
 */
int obj_count;

static void obj_inc(struct obj *o)
{
	spin_lock(&o->lock);
	o->n++;
	spin_unlock(&o->lock);
}

/*
 * check-name: --no-sparse-warnings with -Wsparse-error: sparse's warnings stay silent
 * check-command: lockscope -Iinclude --no-sparse-warnings -Wsparse-error $file
 */
