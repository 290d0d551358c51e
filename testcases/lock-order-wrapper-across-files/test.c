#include "kernel.h"

struct group {
	struct mutex lock;
	int members;
};

void devlist_lock(void);
void devlist_unlock(void);

static void group_join(struct group *g)
{
	mutex_lock(&g->lock);
	g->members++;
	mutex_unlock(&g->lock);
}

/* The device list, then the group (through a call). */
void group_add(struct group *g)
{
	devlist_lock();
	group_join(g);
	devlist_unlock();
}

/*
 * The group, then the device list: ABBA.  The wrapper returns with the
 * mutex held, which only a __acquires() annotation tells the caller; the
 * whole-tree step does not carry a callee's still-held lock back into its
 * caller, so neither order is seen (the mlx5 lag code's
 * mlx5_dev_list_lock() is such a wrapper).
 */
void group_remove(struct group *g)
{
	mutex_lock(&g->lock);
	devlist_lock();
	g->members--;
	devlist_unlock();
	mutex_unlock(&g->lock);
}

/*
 * check-name: lock-order through a lock wrapper defined in another file
 * check-known-to-fail
 * check-error-start
test.c:36:9: warning: possible circular locking dependency: 'devlist.c:devlist_mutex' -> 'struct group::lock' -> 'devlist.c:devlist_mutex' [lockscope/lock-order]
test.c:35: note: group_remove() holds '&g->lock' (struct group::lock) from here
test.c:36:9: note: ... and calls devlist_lock(), which acquires devlist.c:devlist_mutex
devlist.c:8:9: note: devlist_lock() acquires '&devlist_mutex' here
test.c:21: note: group_add() holds '&devlist_mutex' (devlist.c:devlist_mutex) from here
test.c:22:9: note: ... and calls group_join(), which acquires struct group::lock
test.c:13:9: note: group_join() acquires '&g->lock' here
 * check-error-end
 */
