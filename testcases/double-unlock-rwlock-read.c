#include "kernel.h"

struct fib {
	rwlock_t lock;
	int n;
	int vals[16];
};

/* An early read_unlock() survived the move of the unlock above the test. */
static int fib_get(struct fib *f, int key)
{
	int v = -1;

	read_lock(&f->lock);
	if (key < f->n)
		v = f->vals[key];
	read_unlock(&f->lock);
	if (v < 0) {
		read_unlock(&f->lock);
		return -ENOENT;
	}
	return v;
}

/*
 * check-name: read_unlock() twice on the error path
 *
 * check-error-start
double-unlock-rwlock-read.c:19:17: warning: read_unlock() releases '&f->lock', which is not held on this path [lockscope/double-unlock]
double-unlock-rwlock-read.c:17:9: note: '&f->lock' (struct fib::lock) was already released here
 * check-error-end
 */
