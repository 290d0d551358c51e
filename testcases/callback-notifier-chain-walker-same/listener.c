#include "kernel.h"
#include "netevent.h"

/* A listener: every link event bumps the table's generation. */
static int route_link_event(struct notifier_block *nb, unsigned long event, void *data)
{
	spin_lock(&link_table_lock);
	link_table_gen++;
	spin_unlock(&link_table_lock);
	return NOTIFY_DONE;
}

/* Bound to struct notifier_block::notifier_call by its initializer. */
static struct notifier_block route_link_nb = {
	.notifier_call = route_link_event,
};

void route_init(void)
{
	atomic_notifier_chain_register(&link_chain, &route_link_nb);
}
