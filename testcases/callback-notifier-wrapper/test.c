#include "kernel.h"

/*
 * The route table lock is held while the address chain is called; a
 * block registered on it through a registration wrapper takes that lock.
 */
struct route_table {
	spinlock_t lock;
	int gen;
};

extern struct route_table routes;
extern struct atomic_notifier_head addr_chain;

void link_changed(unsigned long event, void *data);
void link_changed(unsigned long event, void *data)
{
	spin_lock(&routes.lock);
	routes.gen++;
	atomic_notifier_call_chain(&addr_chain, event, data);
	spin_unlock(&routes.lock);
}

/*
 * check-name: a block registered through a wrapper is reached by its chain
 *
 * check-error-start
test.c:20:9: error: addr_event() is called with '&routes.lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:18: note: '&routes.lock' (routes.lock) acquired here
test.c:20:9: note: link_changed() calls addr_event() through struct notifier_block::notifier_call
addr.c:22:9: note: addr_event() acquires '&routes.lock' here
 * check-error-end
 */
