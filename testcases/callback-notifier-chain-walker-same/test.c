#include "kernel.h"
#include "netevent.h"

struct atomic_notifier_head link_chain;
spinlock_t link_table_lock;
int link_table_gen;

/*
 * The event is sent while the table lock is held: the chain calls its
 * blocks, and route_link_event() (listener.c), one of them, takes that
 * very lock again.
 */
void link_set_up(struct link *l)
{
	spin_lock(&link_table_lock);
	l->up = 1;
	atomic_notifier_call_chain(&link_chain, LINK_UP, l);
	spin_unlock(&link_table_lock);
}

/*
 * check-name: with the chain walker among the facts, a block of the chain that takes the lock is found
 * check-error-start
test.c:17:9: error: route_link_event() is called with '&link_table_lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:15: note: '&link_table_lock' (link_table_lock) acquired here
test.c:17:9: note: link_set_up() calls route_link_event() through struct notifier_block::notifier_call
listener.c:7:9: note: route_link_event() acquires '&link_table_lock' here
 * check-error-end
 */
