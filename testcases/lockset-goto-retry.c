#include "kernel.h"

struct ring {
	spinlock_t lock;
	int busy;
	int head;
};

/* A retry loop built with goto: every jump back has dropped the lock. */
static int ring_claim(struct ring *r)
{
	int slot;

retry:
	spin_lock(&r->lock);
	if (r->busy) {
		spin_unlock(&r->lock);
		cpu_relax();
		goto retry;
	}
	slot = r->head++;
	spin_unlock(&r->lock);
	return slot;
}

/*
 * check-name: a goto retry loop that drops the lock before jumping back
 */
