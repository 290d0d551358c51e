#include "kernel.h"
#include "addr.h"

/* The fix: the announcement is made once both locks are dropped. */
void addr_start(struct addr *a, int again)
{
	read_lock_bh(&a->dev->lock);
	spin_lock(&a->lock);
	a->flags |= 1;
	spin_unlock(&a->lock);
	read_unlock_bh(&a->dev->lock);
	addr_announce(a);
	if (again)
		addr_announce(a);
}

/*
 * check-name: one call under two locks, fixed: announced after the unlock
 */
