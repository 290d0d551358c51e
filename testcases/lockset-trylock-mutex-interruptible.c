#include "kernel.h"

struct tty {
	struct mutex lock;
	int count;
};

/*
 * mutex_lock_interruptible() and mutex_lock_killable() hold the lock
 * when they return 0.
 */
static int tty_open(struct tty *t)
{
	if (mutex_lock_interruptible(&t->lock))
		return -EINTR;
	t->count++;
	mutex_unlock(&t->lock);

	if (mutex_lock_killable(&t->lock) != 0)
		return -EINTR;
	t->count++;
	mutex_unlock(&t->lock);
	return 0;
}

/*
 * check-name: mutex_lock_interruptible() and mutex_lock_killable(): held when 0
 */
