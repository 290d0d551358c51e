#include "kernel.h"

struct port {
	struct list_head list;
	int id;
};

struct bridge {
	struct mutex lock;
	struct list_head ports;
};

void bridge_add_port(struct bridge *br, struct port *p)
{
	mutex_lock(&br->lock);
	list_add(&p->list, &br->ports);
	mutex_unlock(&br->lock);
}

/*
 * The _rcu walk runs under the writers' mutex and no caller holds
 * rcu_read_lock(): there is no reader to race with.
 */
int bridge_count(struct bridge *br)
{
	struct port *p;
	int n = 0;

	mutex_lock(&br->lock);
	list_for_each_entry_rcu(p, &br->ports, list)
		n++;
	mutex_unlock(&br->lock);
	return n;
}

/*
 * check-name: an _rcu walk of a list_head outside any RCU section
 */
