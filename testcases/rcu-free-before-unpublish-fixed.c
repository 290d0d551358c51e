#include "kernel.h"

struct cfg {
	int mtu;
	struct rcu_head rcu;
};

struct port {
	struct cfg __rcu *cfg;
};

struct filter {
	struct list_head list;
	int proto;
	struct rcu_head rcu;
};

/* Unpublished first, then queued for freeing after a grace period. */
void port_set_cfg(struct port *p, struct cfg *new)
{
	struct cfg *old = rcu_dereference_protected(p->cfg, 1);

	rcu_assign_pointer(p->cfg, new);
	kfree_rcu(old, rcu);
}

/* Off the list first. */
void filter_remove(struct filter *f)
{
	list_del_rcu(&f->list);
	kfree_rcu(f, rcu);
}

/*
 * check-name: kfree_rcu() after the object is unpublished
 * check-command: lockscope -Iinclude --no-facts --no-sparse-warnings $file
 *
 */
