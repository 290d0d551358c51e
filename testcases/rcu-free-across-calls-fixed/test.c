#include "kernel.h"

struct peer {
	struct list_head list;
	int addr;
	struct rcu_head rcu;
};

void peer_unlink(struct peer *p);
void peer_free(struct peer *p);

/* The readers are waited for between the helper's unpublish and the free. */
void peer_remove(struct peer *p)
{
	peer_unlink(p);
	synchronize_rcu();
	kfree(p);
}

void peer_remove_async(struct peer *p)
{
	peer_unlink(p);
	kfree_rcu(p, rcu);
}

/* And before the helper frees it. */
void peer_drop(struct peer *p)
{
	list_del_rcu(&p->list);
	synchronize_rcu();
	peer_free(p);
}

/* A helper that frees an object no RCU list held. */
void peer_discard(struct peer *p)
{
	peer_free(p);
}

/*
 * check-name: rcu-free across calls, a grace period in between
 */
