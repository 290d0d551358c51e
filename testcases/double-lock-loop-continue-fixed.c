#include "kernel.h"

struct ring {
	spinlock_t lock;
	int skip[8];
	int done[8];
};

/* The fixed twin: the 'continue' path drops the lock first. */
static void ring_reap(struct ring *r)
{
	int i;

	for (i = 0; i < 8; i++) {
		spin_lock(&r->lock);
		if (r->skip[i]) {
			spin_unlock(&r->lock);
			continue;
		}
		r->done[i] = 1;
		spin_unlock(&r->lock);
	}
}

/*
 * check-name: fixed twin: the continue path unlocks first
 */
