#include "kernel.h"

struct peer {
	struct list_head list;
	int addr;
	struct rcu_head rcu;
};

/* Takes the peer off the readers' list; the grace period is the caller's. */
void peer_unlink(struct peer *p)
{
	list_del_rcu(&p->list);
}

void peer_free(struct peer *p)
{
	kfree(p);
}
