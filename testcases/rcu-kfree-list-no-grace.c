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

/* Off the list, but a reader inside list_for_each_entry_rcu() may hold it. */
void peer_remove(struct peer_table *t, struct peer *p)
{
	spin_lock(&t->lock);
	list_del_rcu(&p->list);
	spin_unlock(&t->lock);
	kfree(p);
}

/*
 * check-name: kfree() right after list_del_rcu(), without a grace period
 * check-command: lockscope -Iinclude --no-facts --no-sparse-warnings $file
 *
 * check-error-start
rcu-kfree-list-no-grace.c:20:9: warning: peer_remove() frees 'p' with kfree() right after unpublishing it, without a grace period: RCU readers may still be using it (synchronize_rcu() first, or kfree_rcu()) [lockscope/rcu-free]
rcu-kfree-list-no-grace.c:18:9: note: 'p' is unpublished here (list_del_rcu)
rcu-kfree-list-no-grace.c:20:9: note: struct peer has an rcu_head, 'rcu': kfree_rcu() can free it after a grace period
 * check-error-end
 */
