#include "kernel.h"
#include "netevent.h"

/* Only LINK_DOWN touches the table. */
static int route_link_event(struct notifier_block *nb, unsigned long event, void *data)
{
	switch (event) {
	case LINK_DOWN:
		spin_lock(&link_table_lock);
		link_table_gen++;
		spin_unlock(&link_table_lock);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block route_link_nb = {
	.notifier_call = route_link_event,
};

void route_init(void)
{
	atomic_notifier_chain_register(&link_chain, &route_link_nb);
}
