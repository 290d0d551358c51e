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
 * The fixed twin: each entry's own lock, nested in the bucket's.  The
 * cursor names another entry on every iteration.
 */
static void bucket_get_all(struct bucket *b)
{
	struct entry *e;

	spin_lock(&b->lock);
	for (e = b->head; e; e = e->next) {
		spin_lock(&e->lock);
		e->refs++;
		spin_unlock(&e->lock);
	}
	spin_unlock(&b->lock);
}

/*
 * check-name: fixed twin: each entry's own lock, named through the loop cursor
 */
