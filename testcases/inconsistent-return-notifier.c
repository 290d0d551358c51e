#include "kernel.h"

struct bond {
	spinlock_t lock;
	int slaves;
	int enabled;
};

static struct bond the_bond;

#define EV_UP	1
#define EV_DOWN	2

/*
 * A notifier callback: the early exit of one case returns NOTIFY_DONE
 * with the lock, the other exits return NOTIFY_DONE without it.
 */
static int bond_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	switch (event) {
	case EV_UP:
		spin_lock_bh(&the_bond.lock);
		if (!the_bond.enabled) {
			the_bond.slaves = 0;
			return NOTIFY_DONE;
		}
		the_bond.slaves++;
		spin_unlock_bh(&the_bond.lock);
		break;
	case EV_DOWN:
		spin_lock_bh(&the_bond.lock);
		the_bond.slaves--;
		spin_unlock_bh(&the_bond.lock);
		break;
	}
	return NOTIFY_DONE;
}

/*
 * check-name: notifier callback: NOTIFY_DONE returned with and without the lock
 *
 * check-error-start
inconsistent-return-notifier.c:25:32: warning: inconsistent returns of '&the_bond.lock' in bond_event(): held on this return, not held on the return at line 28 [lockscope/inconsistent-return]
inconsistent-return-notifier.c:22:17: note: '&the_bond.lock' (inconsistent-return-notifier.c:the_bond.lock) acquired here
inconsistent-return-notifier.c:28:17: note: released here on the path to line 28
inconsistent-return-notifier.c:28:17: note: returns without '&the_bond.lock' here
 * check-error-end
 */
