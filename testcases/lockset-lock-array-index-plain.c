#include "kernel.h"

struct hash {
	spinlock_t locks[16];
	int count[16];
};

/*
 * Two buckets picked by two different indices: the two locks are not
 * known to be the same one, so the second spin_lock() is no double lock.
 */
static void hash_move(struct hash *h, unsigned int from, unsigned int to)
{
	if (from == to)
		return;
	spin_lock(&h->locks[from]);
	spin_lock(&h->locks[to]);
	h->count[to] += h->count[from];
	h->count[from] = 0;
	spin_unlock(&h->locks[to]);
	spin_unlock(&h->locks[from]);
}

/*
 * check-name: two elements of an array of locks, by two variable indices
 */
