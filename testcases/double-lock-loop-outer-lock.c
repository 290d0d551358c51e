#include "kernel.h"

struct entry {
	spinlock_t lock;
	int refs;
	struct entry *next;
};

struct bucket {
	spinlock_t lock;
	struct entry *head;
};

/*
 * In the walk, the bucket's lock is taken where the entry's was meant:
 * every iteration starts with the bucket lock already held.
 */
static void bucket_get_all(struct bucket *b)
{
	struct entry *e;

	spin_lock(&b->lock);
	for (e = b->head; e; e = e->next) {
		spin_lock(&b->lock);
		e->refs++;
		spin_unlock(&b->lock);
	}
	spin_unlock(&b->lock);
}

/*
 * check-name: the outer lock re-taken on every iteration of a loop
 *
 * check-error-start
double-lock-loop-outer-lock.c:24:17: warning: spin_lock() acquires '&b->lock' while it is already held: self-deadlock [lockscope/double-lock]
double-lock-loop-outer-lock.c:22:9: note: '&b->lock' (struct bucket::lock) was acquired here
 * check-error-end
 */
