#include "kernel.h"

struct adapter {
	int flags;
	spinlock_t stats_lock;
	int resets;
	struct work_struct reset_work;
};

/*
 * The object comes from container_of() on a member that is not the
 * first: the message must still name the lock readably.
 */
static void adapter_reset_work(struct work_struct *work)
{
	struct adapter *ad = container_of(work, struct adapter, reset_work);

	spin_lock_bh(&ad->stats_lock);
	ad->resets++;
	spin_lock_bh(&ad->stats_lock);
	spin_unlock_bh(&ad->stats_lock);
}

/*
 * check-name: a lock behind container_of() is named readably
 *
 * check-error-start
identity-container-of.c:20:9: warning: spin_lock_bh() acquires '&container_of(work, -16)->stats_lock' while it is already held: self-deadlock [lockscope/double-lock]
identity-container-of.c:18:9: note: '&container_of(work, -16)->stats_lock' (struct adapter::stats_lock) was acquired here
 * check-error-end
 */
