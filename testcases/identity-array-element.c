#include "kernel.h"

struct hash {
	int seed;
	spinlock_t locks[4];
	int count[4];
};

/* An element of an array of locks, by constant index. */
static void hash_bump(struct hash *h)
{
	spin_lock(&h->locks[1]);
	h->count[1]++;
	spin_lock(&h->locks[1]);
	spin_unlock(&h->locks[1]);
}

/*
 * check-name: an array element lock by constant index
 *
 * check-error-start
identity-array-element.c:14:9: warning: spin_lock() acquires '&h->locks[1]' while it is already held: self-deadlock [lockscope/double-lock]
identity-array-element.c:12:9: note: '&h->locks[1]' (struct hash::locks[]) was acquired here
 * check-error-end
 */
