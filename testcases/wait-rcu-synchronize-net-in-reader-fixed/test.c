#include "waits.h"

/*
 * A protocol handler walks its ports inside rcu_read_lock() and, when a
 * port is going away, unhooks it; only after rcu_read_unlock() does it
 * call synchronize_net() to let the packets in flight drain: fixed.
 *
 * check-name: synchronize_net() after rcu_read_unlock()
 * check-error-start
 * check-error-end
 */
struct rxport { int dying; void (*rx)(struct rxport *p); };
struct rxproto { struct rxport *ports[4]; };

void proto_reap(struct rxproto *pr)
{
	int i, reaped = 0;

	rcu_read_lock();
	for (i = 0; i < 4; i++) {
		if (!pr->ports[i] || !pr->ports[i]->dying)
			continue;
		pr->ports[i]->rx = NULL;
		reaped++;
	}
	rcu_read_unlock();
	if (reaped)
		synchronize_net();
}
