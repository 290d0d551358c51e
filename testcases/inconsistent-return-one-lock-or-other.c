#include "kernel.h"

struct group {
	spinlock_t lock;
	struct mutex mutex;
	int users;
};

/*
 * A helper that takes the group's mutex or its spinlock, as the caller
 * can sleep or not: every return holds one of them.  Silent.
 */
static void group_lock(struct group *g, int nonatomic)
{
	if (nonatomic)
		mutex_lock(&g->mutex);
	else
		spin_lock(&g->lock);
}

/*
 * check-name: a helper that takes one lock or the other by its argument
 */
