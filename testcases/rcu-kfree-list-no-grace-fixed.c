#include "kernel.h"

struct peer {
	struct list_head list;
	int addr;
	struct rcu_head rcu;
};

struct peer_table {
	spinlock_t lock;
	struct list_head peers;
};

/* The readers are waited for before the free. */
void peer_remove(struct peer_table *t, struct peer *p)
{
	spin_lock(&t->lock);
	list_del_rcu(&p->list);
	spin_unlock(&t->lock);
	synchronize_rcu();
	kfree(p);
}

/* Or the free waits for them. */
void peer_remove_async(struct peer_table *t, struct peer *p)
{
	spin_lock(&t->lock);
	list_del_rcu(&p->list);
	spin_unlock(&t->lock);
	kfree_rcu(p, rcu);
}

/* A plain list_del(): not an RCU list, nothing to wait for here. */
void peer_forget(struct peer_table *t, struct peer *p)
{
	spin_lock(&t->lock);
	list_del(&p->list);
	spin_unlock(&t->lock);
	kfree(p);
}

/*
 * check-name: list_del_rcu(), then a grace period, then the free
 * check-command: lockscope -Iinclude --no-facts --no-sparse-warnings $file
 */
