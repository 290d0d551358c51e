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

/* The miss path (NULL, the error return) forgot to unlock. */
static struct item *table_find(struct table *t, int key)
{
	struct item *it;

	spin_lock(&t->lock);
	for (it = t->head; it; it = it->next)
		if (it->key == key)
			break;
	if (!it) {
		t->misses++;
		return NULL;
	}
	spin_unlock(&t->lock);
	return it;
}

/*
 * check-name: pointer-returning lookup: the NULL return keeps the lock
 *
 * check-error-start
inconsistent-return-lookup-null.c:25:24: warning: inconsistent returns of '&t->lock' in table_find(): held on this return, not held on the return at line 28 [lockscope/inconsistent-return]
inconsistent-return-lookup-null.c:19:9: note: '&t->lock' (struct table::lock) acquired here
inconsistent-return-lookup-null.c:27:9: note: released here on the path to line 28
inconsistent-return-lookup-null.c:28:16: note: returns without '&t->lock' here
 * check-error-end
 */
