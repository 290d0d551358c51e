#include "waits.h"

/*
 * A protocol handler walks its ports inside rcu_read_lock() and, when a
 * port is going away, unhooks it and calls synchronize_net() to let the
 * packets in flight drain: but the walk is itself one of the readers the
 * grace period waits for.
 *
 * check-name: synchronize_net() inside rcu_read_lock()
 * check-error-start
test.c:30:17: error: synchronize_net() waits for an RCU grace period inside an RCU read-side critical section: deadlock [lockscope/wait-under-lock]
test.c:25: note: the RCU read-side critical section starts here
test.c:30:17: note: the same bug, also: synchronize_net() may sleep and is called inside an RCU read-side section: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:25: note: RCU read-side section entered here
test.c:30:17: note: proto_reap() calls synchronize_net(), which may sleep
 * check-error-end
 */
struct rxport { int dying; void (*rx)(struct rxport *p); };
struct rxproto { struct rxport *ports[4]; };

void proto_reap(struct rxproto *pr)
{
	int i;

	rcu_read_lock();
	for (i = 0; i < 4; i++) {
		if (!pr->ports[i] || !pr->ports[i]->dying)
			continue;
		pr->ports[i]->rx = NULL;
		synchronize_net();
	}
	rcu_read_unlock();
}
