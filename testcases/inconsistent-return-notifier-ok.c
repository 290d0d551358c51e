#include "kernel.h"

struct bond {
	spinlock_t lock;
	int slaves;
	int enabled;
};

static struct bond the_bond;

/*
 * A notifier callback never returns with a lock held, whatever NOTIFY_*
 * value it returns: here NOTIFY_DONE keeps the lock, NOTIFY_OK does not.
 */
static int bond_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	spin_lock_bh(&the_bond.lock);
	if (!the_bond.enabled) {
		the_bond.slaves = 0;
		return NOTIFY_DONE;
	}
	the_bond.slaves++;
	spin_unlock_bh(&the_bond.lock);
	return NOTIFY_OK;
}

/*
 * check-name: notifier callback: NOTIFY_DONE with the lock, NOTIFY_OK without
 *
 * check-error-start
inconsistent-return-notifier-ok.c:20:24: warning: inconsistent returns of '&the_bond.lock' in bond_event(): held on this return, not held on the return at line 24 [lockscope/inconsistent-return]
inconsistent-return-notifier-ok.c:17:9: note: '&the_bond.lock' (inconsistent-return-notifier-ok.c:the_bond.lock) acquired here
inconsistent-return-notifier-ok.c:23:9: note: released here on the path to line 24
inconsistent-return-notifier-ok.c:24:16: note: returns without '&the_bond.lock' here
 * check-error-end
 */
