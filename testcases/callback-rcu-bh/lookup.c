#include "kernel.h"
#include "route.h"

/* Enters the RCU read side and disables bottom halves itself. */
int route_metric(struct route *rt)
{
	int m;

	rcu_read_lock();
	local_bh_disable();
	m = rt->metric;
	local_bh_enable();
	rcu_read_unlock();
	return m;
}
