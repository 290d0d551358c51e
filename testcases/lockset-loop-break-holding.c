#include "kernel.h"

struct slots {
	spinlock_t lock;
	int used[8];
};

/*
 * The loop leaves by 'break' with the lock held, or runs out with it
 * dropped; the code after the loop knows which from the index.  Where the
 * paths disagree nothing is claimed.
 */
static int slots_claim(struct slots *s)
{
	int i;

	for (i = 0; i < 8; i++) {
		spin_lock(&s->lock);
		if (!s->used[i])
			break;
		spin_unlock(&s->lock);
	}
	if (i == 8)
		return -ENOSPC;
	s->used[i] = 1;
	spin_unlock(&s->lock);
	return i;
}

/*
 * check-name: a loop left by break with the lock held, unlocked after
 */
