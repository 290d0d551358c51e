#include "kernel.h"

struct route {
	struct hlist_node node;
	int dst;
	struct rcu_head rcu;
};

struct table {
	struct route __rcu *default_route;
};

/* Readers that found the route are gone once synchronize_rcu() returns. */
void route_delete(struct route *rt)
{
	hlist_del_rcu(&rt->node);
	synchronize_rcu();
	kfree(rt);
}

/* The same with a replaced __rcu pointer. */
void table_set_default(struct table *t, struct route *rt, int now)
{
	struct route *old = rcu_dereference_protected(t->default_route, 1);

	rcu_assign_pointer(t->default_route, rt);
	if (now) {
		synchronize_rcu();
		kfree(old);
	}
	else
		kfree_rcu(old, rcu);
}

/*
 * check-name: kfree() after unpublishing and a grace period
 * check-command: lockscope -Iinclude --no-facts --no-sparse-warnings $file
 *
 */
