#include "kernel.h"

struct route_table {
	spinlock_t lock;
	int gen;
};

struct route_table routes;
struct atomic_notifier_head addr_chain;

int register_addr_notifier(struct notifier_block *nb);
void addr_init(void);

/* A wrapper: its parameter is the block, addr_chain the chain. */
int register_addr_notifier(struct notifier_block *nb)
{
	return atomic_notifier_chain_register(&addr_chain, nb);
}

static int addr_event(struct notifier_block *nb, unsigned long event, void *data)
{
	spin_lock(&routes.lock);
	routes.gen++;
	spin_unlock(&routes.lock);
	return NOTIFY_DONE;
}

static struct notifier_block addr_nb = {
	.notifier_call = addr_event,
};

void addr_init(void)
{
	register_addr_notifier(&addr_nb);
}
