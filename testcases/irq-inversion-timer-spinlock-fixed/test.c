#include "poll.h"

/* spin_lock_bh(): the timer cannot run on this CPU while it is held. */
void poll_queue(struct poll_dev *pd)
{
	spin_lock_bh(&pd->lock);
	pd->head++;
	spin_unlock_bh(&pd->lock);
}

/*
 * check-name: spinlock taken in a timer callback and with spin_lock_bh in process context: silent
 */
