#include "kernel.h"

struct fib {
	rwlock_t lock;
	int n;
	int vals[16];
};

/* The fixed twin: the lookup's only read_unlock() is before the test. */
static int fib_get(struct fib *f, int key)
{
	int v = -1;

	read_lock(&f->lock);
	if (key < f->n)
		v = f->vals[key];
	read_unlock(&f->lock);
	if (v < 0)
		return -ENOENT;
	return v;
}

/*
 * check-name: fixed twin: one read_unlock()
 */
