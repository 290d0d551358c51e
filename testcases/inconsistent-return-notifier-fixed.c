#include "kernel.h"

struct bond {
	spinlock_t lock;
	int slaves;
	int enabled;
};

static struct bond the_bond;

#define EV_UP	1
#define EV_DOWN	2

/* The fixed twin: the early exit drops the lock first. */
static int bond_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	switch (event) {
	case EV_UP:
		spin_lock_bh(&the_bond.lock);
		if (!the_bond.enabled) {
			the_bond.slaves = 0;
			spin_unlock_bh(&the_bond.lock);
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
 * check-name: fixed twin: the notifier's early exit unlocks
 */
