#include "kernel.h"

struct tty {
	struct mutex lock;
	int count;
	int max;
};

/*
 * After mutex_lock_interruptible() succeeded, the -EBUSY return keeps
 * the lock that the -EINTR return never had.
 */
static int tty_open(struct tty *t)
{
	if (mutex_lock_interruptible(&t->lock))
		return -EINTR;
	if (t->count >= t->max)
		return -EBUSY;
	t->count++;
	mutex_unlock(&t->lock);
	return 0;
}

/*
 * check-name: after mutex_lock_interruptible(), a return keeps the lock
 *
 * check-error-start
lockset-trylock-mutex-interruptible-leak.c:18:24: warning: inconsistent returns of '&t->lock' in tty_open(): held on this return, not held on the return at line 21 [lockscope/inconsistent-return]
lockset-trylock-mutex-interruptible-leak.c:15:13: note: '&t->lock' (struct tty::lock) acquired here
lockset-trylock-mutex-interruptible-leak.c:20:9: note: released here on the path to line 21
lockset-trylock-mutex-interruptible-leak.c:21:16: note: returns without '&t->lock' here
 * check-error-end
 */
