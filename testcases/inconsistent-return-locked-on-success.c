#include "kernel.h"

struct card {
	struct mutex lock;
	int present;
};

/*
 * Returns 0 with the lock held for the caller to release, -errno without
 * it: the usual contract of a "lock it if it is there" helper.
 */
static int card_lock_present(struct card *c)
{
	mutex_lock(&c->lock);
	if (!c->present) {
		mutex_unlock(&c->lock);
		return -ENODEV;
	}
	return 0;
}

/*
 * check-name: returning 0 with the lock held and -errno without is a contract
 */
