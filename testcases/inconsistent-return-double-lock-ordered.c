#include "kernel.h"

struct peer {
	spinlock_t lock;
	int state;
};

/*
 * Lock one peer, or both in address order: the second return holds
 * locks named through the swapped pointers, one of which is a's.  Silent.
 */
static void peer_double_lock(struct peer *a, struct peer *b)
{
	struct peer *t;

	if (a == b || !b) {
		spin_lock(&a->lock);
		return;
	}
	if (a > b) {
		t = a;
		a = b;
		b = t;
	}
	spin_lock(&a->lock);
	spin_lock_nested(&b->lock, 1);
}

/*
 * check-name: a double-lock helper that swaps its pointers into address order
 */
