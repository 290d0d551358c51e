#include "kernel.h"

struct hash {
	spinlock_t locks[16];
	int count[16];
};

/*
 * Two buckets picked by two indices, ordered to avoid ABBA: the two
 * spin_lock() calls may name two different locks, and when the indices
 * are equal only one is taken.
 */
static void hash_move(struct hash *h, unsigned int a, unsigned int b)
{
	if (a == b)
		return;
	if (a > b) {
		unsigned int t = a;

		a = b;
		b = t;
	}
	spin_lock(&h->locks[a]);
	spin_lock_nested(&h->locks[b], SINGLE_DEPTH_NESTING);
	h->count[b] += h->count[a];
	h->count[a] = 0;
	spin_unlock(&h->locks[b]);
	spin_unlock(&h->locks[a]);
}

/*
 * check-name: two elements of an array of locks, by ordered variable indices
 */
