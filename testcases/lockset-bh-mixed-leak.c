#include "kernel.h"

struct netdev {
	spinlock_t addr_list_lock;
	int count;
};

/*
 * spin_unlock() does not enable softirqs: one path returns with them off.
 * (The return is placed at the last call before it: sparse merged them.)
 */
static void addr_unsync(struct netdev *dev, int flush)
{
	local_bh_disable();
	spin_lock(&dev->addr_list_lock);
	if (flush) {
		dev->count = 0;
		spin_unlock(&dev->addr_list_lock);
		return;
	}
	spin_unlock_bh(&dev->addr_list_lock);
}

/*
 * check-name: local_bh_disable() left unpaired on one path
 *
 * check-error-start
lockset-bh-mixed-leak.c:18:17: warning: inconsistent returns of 'bh' in addr_unsync(): held on this return, not held on the return at line 21 [lockscope/inconsistent-return]
lockset-bh-mixed-leak.c:14:9: note: 'bh' (bh) acquired here
lockset-bh-mixed-leak.c:21:9: note: released here on the path to line 21
lockset-bh-mixed-leak.c:21:9: note: returns without 'bh' here
 * check-error-end
 */
