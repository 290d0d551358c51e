#include "kernel.h"

struct route {
	struct mutex update;
	int metric;
};

static void route_refresh(struct route *r)
{
	mutex_lock(&r->update);
	r->metric++;
	mutex_unlock(&r->update);
}

/* Readers may not sleep: the mutex is taken inside rcu_read_lock(). */
int route_lookup(struct route *r)
{
	int metric;

	rcu_read_lock();
	route_refresh(r);
	metric = r->metric;
	rcu_read_unlock();
	return metric;
}

/*
 * check-name: mutex_lock() reached inside an RCU read-side section
 * check-error-start
test.c:21:9: warning: route_refresh() may sleep (a mutex) and is called inside an RCU read-side section: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:20: note: RCU read-side section entered here
test.c:21:9: note: route_lookup() calls route_refresh()
test.c:10:9: note: route_refresh() acquires '&r->update' (a mutex), which sleeps
 * check-error-end
 */
