#include "kernel.h"

struct nbr {
	struct hlist_node node;
	int addr;
};

struct nbr_table {
	spinlock_t lock;
	struct hlist_head head;
};

/* Published with a release store: readers see it whole. */
void nbr_insert(struct nbr_table *t, struct nbr *n)
{
	spin_lock(&t->lock);
	hlist_add_head_rcu(&n->node, &t->head);
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
 * check-name: hlist_add_head_rcu() into a list RCU readers walk
 */
