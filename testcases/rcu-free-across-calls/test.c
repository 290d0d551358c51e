#include "kernel.h"

struct peer {
	struct list_head list;
	int addr;
	struct rcu_head rcu;
};

void peer_unlink(struct peer *p);
void peer_free(struct peer *p);

/* Unpublished in a helper, freed here at once. */
void peer_remove(struct peer *p)
{
	peer_unlink(p);
	kfree(p);
}

/* Unpublished here, freed at once in a helper. */
void peer_drop(struct peer *p)
{
	list_del_rcu(&p->list);
	peer_free(p);
}

/*
 * check-name: rcu-free with the unpublish or the free in a helper
 *
 * check-error-start
test.c:16:9: warning: peer_remove() frees 'p' with kfree() after peer_unlink() unpublished it, without a grace period: RCU readers may still be using it (synchronize_rcu() first, or kfree_rcu()) [lockscope/rcu-free]
test.c:15:9: note: peer_unlink() is passed 'p' here
peer.c:12:9: note: peer_unlink() unpublishes it here (list_del_rcu) and returns without a grace period
test.c:23:9: warning: peer_drop() unpublishes 'p' and passes it to peer_free(), which frees it with kfree() without a grace period: RCU readers may still be using it (synchronize_rcu() first, or kfree_rcu()) [lockscope/rcu-free]
test.c:22:9: note: 'p' is unpublished here (list_del_rcu)
peer.c:17:9: note: peer_free() frees its parameter here
 * check-error-end
 */
