#include "kernel.h"

struct item {
	int key;
	struct item *next;
};

struct table {
	spinlock_t lock;
	struct item *head;
	int misses;
};

/*
 * Returns the item with the table still locked, for the caller to
 * unlock; NULL without the lock.  A contract, not a bug.
 */
static struct item *table_find_locked(struct table *t, int key)
{
	struct item *it;

	spin_lock(&t->lock);
	for (it = t->head; it; it = it->next)
		if (it->key == key)
			return it;
	t->misses++;
	spin_unlock(&t->lock);
	return NULL;
}

/*
 * check-name: pointer-returning lookup: the item returned locked, NULL unlocked
 */
