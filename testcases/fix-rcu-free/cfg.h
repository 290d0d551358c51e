/* Objects RCU readers reach: a port's configuration, filters, routes. */
#ifndef TEST_CFG_H
#define TEST_CFG_H

struct cfg {
	int mtu;
	struct rcu_head rcu;
};

struct port {
	struct cfg __rcu *cfg;
	struct list_head filters;
};

struct filter {
	struct list_head list;
	int proto;
	struct rcu_head rcu;
};

struct route {
	struct hlist_node node;
	int dst;
};

#endif
