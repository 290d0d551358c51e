#include "kernel.h"

struct table {
	rwlock_t lock;
	int n;
};

/* Read after read on an rwlock is recursion the lock allows. */
static int count_twice(struct table *t)
{
	int n;

	read_lock(&t->lock);
	read_lock(&t->lock);
	n = t->n;
	read_unlock(&t->lock);
	read_unlock(&t->lock);
	return n;
}

/*
 * check-name: read lock of an rwlock already held for read is silent
 */
