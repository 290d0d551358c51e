#include "kernel.h"

/*
 * Two chains.  The route table lock is held while the link chain is
 * called; the only block that takes that lock is registered on the
 * address chain; the walker (notifier.c) reaches them only through
 * their chains: silent.
 */
struct route_table {
	spinlock_t lock;
	int gen;
};

extern struct route_table routes;
extern struct atomic_notifier_head link_chain;

void link_changed(unsigned long event, void *data);
void link_changed(unsigned long event, void *data)
{
	spin_lock(&routes.lock);
	routes.gen++;
	atomic_notifier_call_chain(&link_chain, event, data);
	spin_unlock(&routes.lock);
}

/*
 * check-name: with the chain walker among the facts, a chain call still reaches only its own blocks
 */
