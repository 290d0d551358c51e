#include "kernel.h"

struct nbr {
	struct hlist_node node;
	int addr;
};

struct nbr_table {
	spinlock_t lock;
	struct hlist_head head;
};

/* The node is linked in with plain stores: a reader may see it half-made. */
void nbr_insert(struct nbr_table *t, struct nbr *n)
{
	spin_lock(&t->lock);
	hlist_add_head(&n->node, &t->head);
	spin_unlock(&t->lock);
}

struct nbr *nbr_lookup(struct nbr_table *t, int addr)
{
	struct nbr *n;

	hlist_for_each_entry_rcu(n, &t->head, node)
		if (n->addr == addr)
			return n;
	return NULL;
}

/*
 * check-name: plain hlist_add_head() into a list RCU readers walk
 * check-error-start
test.c:17:9: warning: nbr_insert() links a node into '&t->head' (struct nbr_table::head) with a plain insertion, but RCU readers walk that list: use the _rcu variant, which publishes the node only once it is initialised [lockscope/rcu-walked-add]
test.c:25:9: note: nbr_lookup() walks '&t->head' under RCU here
 * check-error-end
 */
