#include "kernel.h"

struct route {
	struct hlist_node node;
	int dst;
	struct rcu_head rcu;
};

struct table {
	struct route __rcu *default_route;
};

/* Readers that found the route before the unlink may still hold it. */
void route_delete(struct route *rt)
{
	hlist_del_rcu(&rt->node);
	kfree(rt);
}

/* The same with a replaced __rcu pointer, on one branch. */
void table_set_default(struct table *t, struct route *rt, int now)
{
	struct route *old = rcu_dereference_protected(t->default_route, 1);

	rcu_assign_pointer(t->default_route, rt);
	if (now)
		kfree(old);
	else
		kfree_rcu(old, rcu);
}

/*
 * check-name: kfree() right after unpublishing, without a grace period
 * check-command: lockscope -Iinclude --no-facts --no-sparse-warnings $file
 *
 * check-error-start
rcu-kfree-no-grace.c:17:9: warning: route_delete() frees 'rt' with kfree() right after unpublishing it, without a grace period: RCU readers may still be using it (synchronize_rcu() first, or kfree_rcu()) [lockscope/rcu-free]
rcu-kfree-no-grace.c:16:9: note: 'rt' is unpublished here (hlist_del_rcu)
rcu-kfree-no-grace.c:17:9: note: struct route has an rcu_head, 'rcu': kfree_rcu() can free it after a grace period
rcu-kfree-no-grace.c:27:17: warning: table_set_default() frees 't->default_route' with kfree() right after unpublishing it, without a grace period: RCU readers may still be using it (synchronize_rcu() first, or kfree_rcu()) [lockscope/rcu-free]
rcu-kfree-no-grace.c:25:9: note: 't->default_route' is unpublished here (its __rcu pointer is overwritten)
rcu-kfree-no-grace.c:27:17: note: struct route has an rcu_head, 'rcu': kfree_rcu() can free it after a grace period
 * check-error-end
 */
