#include "kernel.h"

struct hash {
	spinlock_t locks[4];
	int count[4];
};

/* Two elements of an array of locks, by constant index: two locks. */
static void hash_move(struct hash *h)
{
	spin_lock(&h->locks[0]);
	spin_lock_nested(&h->locks[1], SINGLE_DEPTH_NESTING);
	h->count[1] += h->count[0];
	h->count[0] = 0;
	spin_unlock(&h->locks[1]);
	spin_unlock(&h->locks[0]);
}

/*
 * check-name: two elements of an array of locks, by constant index
 */
