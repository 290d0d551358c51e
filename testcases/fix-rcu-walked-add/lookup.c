#include "kernel.h"
#include "nbr.h"

struct nbr *nbr_lookup(struct nbr_table *t, int addr)
{
	struct nbr *n;

	hlist_for_each_entry_rcu(n, &t->head, node)
		if (n->addr == addr)
			return n;
	return NULL;
}
