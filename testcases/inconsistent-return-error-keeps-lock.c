#include "kernel.h"

struct card {
	struct mutex lock;
	int present;
	int busy;
};

/*
 * The helper returns 0 with the lock held, -ENODEV without; a later
 * -EBUSY return forgot to drop it, and its callers will not.
 */
static int card_lock_present(struct card *c)
{
	mutex_lock(&c->lock);
	if (!c->present) {
		mutex_unlock(&c->lock);
		return -ENODEV;
	}
	if (c->busy)
		return -EBUSY;
	return 0;
}

/*
 * check-name: a lock-on-success helper whose -EBUSY return keeps the lock
 *
 * check-error-start
inconsistent-return-error-keeps-lock.c:21:24: warning: inconsistent returns of '&c->lock' in card_lock_present(): held on this return, not held on the return at line 18 [lockscope/inconsistent-return]
inconsistent-return-error-keeps-lock.c:15:9: note: '&c->lock' (struct card::lock) acquired here
inconsistent-return-error-keeps-lock.c:17:17: note: released here on the path to line 18
inconsistent-return-error-keeps-lock.c:18:24: note: returns without '&c->lock' here
 * check-error-end
 */
