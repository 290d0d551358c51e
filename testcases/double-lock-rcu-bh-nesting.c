#include "kernel.h"

struct route {
	int metric;
};

static struct route *route_lookup(int key);

/* RCU readers and bh-disabled sections count: nesting them is normal. */
static int route_metric(int key)
{
	struct route *rt;
	int m = 0;

	local_bh_disable();
	rcu_read_lock();
	rt = route_lookup(key);
	if (rt) {
		rcu_read_lock();
		local_bh_disable();
		m = rt->metric;
		local_bh_enable();
		rcu_read_unlock();
	}
	rcu_read_unlock();
	local_bh_enable();
	return m;
}

/*
 * check-name: nested rcu_read_lock() and local_bh_disable() are not double locks
 */
