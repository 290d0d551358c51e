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

/* The old configuration is queued for freeing while still published. */
void port_set_cfg(struct port *p, struct cfg *new)
{
	struct cfg *old = rcu_dereference_protected(p->cfg, 1);

	kfree_rcu(old, rcu);
	rcu_assign_pointer(p->cfg, new);
}

/* The grace period starts before the filter leaves the list. */
void filter_remove(struct filter *f)
{
	kfree_rcu(f, rcu);
	list_del_rcu(&f->list);
}

/*
 * check-name: kfree_rcu() before the object is unpublished
 * check-command: lockscope -Iinclude --no-facts --no-sparse-warnings $file
 *
 * check-error-start
rcu-free-before-unpublish.c:23:9: warning: port_set_cfg() hands 'p->cfg' to kfree_rcu() before it is unpublished: a reader that finds it once the grace period has begun uses it after it is freed [lockscope/rcu-free]
rcu-free-before-unpublish.c:24:9: note: 'p->cfg' is unpublished only here (its __rcu pointer is overwritten)
rcu-free-before-unpublish.c:30:9: warning: filter_remove() hands 'f' to kfree_rcu() before it is unpublished: a reader that finds it once the grace period has begun uses it after it is freed [lockscope/rcu-free]
rcu-free-before-unpublish.c:31:9: note: 'f' is unpublished only here (list_del_rcu)
 * check-error-end
 */
