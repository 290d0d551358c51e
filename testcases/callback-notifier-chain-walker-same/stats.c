#include "kernel.h"
#include "netevent.h"

/*
 * Another listener on the same chain, bound by assignment: its
 * own lock is another class, so calling it under the table lock is fine.
 */
static spinlock_t link_stats_lock;
static int link_events;

static int stats_link_event(struct notifier_block *nb, unsigned long event, void *data)
{
	spin_lock(&link_stats_lock);
	link_events++;
	spin_unlock(&link_stats_lock);
	return NOTIFY_DONE;
}

static struct notifier_block stats_nb;

void stats_init(void)
{
	stats_nb.notifier_call = stats_link_event;
	atomic_notifier_chain_register(&link_chain, &stats_nb);
}
