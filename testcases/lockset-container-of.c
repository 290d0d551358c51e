#include "kernel.h"

struct adapter {
	int flags;
	spinlock_t stats_lock;
	int resets;
	struct work_struct reset_work;
};

/*
 * A work handler finds its object with container_of(): the lock behind
 * the computed pointer is one lock, locked and unlocked once.
 */
static void adapter_reset_work(struct work_struct *work)
{
	struct adapter *ad = container_of(work, struct adapter, reset_work);

	spin_lock_bh(&ad->stats_lock);
	if (ad->flags) {
		spin_unlock_bh(&ad->stats_lock);
		return;
	}
	ad->resets++;
	spin_unlock_bh(&ad->stats_lock);
}

/*
 * check-name: a lock behind container_of(), balanced
 */
