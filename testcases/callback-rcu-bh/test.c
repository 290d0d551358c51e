#include "kernel.h"
#include "route.h"

/*
 * RCU read sections and bottom-half disabling nest: calling a function
 * that enters them again, from inside them, is normal and no deadlock;
 * nor do they order other locks.
 */
int route_best(struct route *a, struct route *b)
{
	int ma, mb;

	rcu_read_lock_bh();
	ma = route_metric(a);
	rcu_read_lock();
	mb = route_metric(b);
	rcu_read_unlock();
	rcu_read_unlock_bh();
	return ma < mb ? ma : mb;
}

/*
 * check-name: RCU and bh sections held across calls that enter them again: silent
 */
