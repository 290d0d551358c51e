#include "kernel.h"
#include "conn.h"

/* The established lookup restarts when it ends on a foreign nulls value. */
struct conn *conn_lookup_established(int port)
{
	unsigned int slot = port & conn_hashinfo.mask;
	struct est_bucket *b = &conn_hashinfo.ehash[slot];
	struct hlist_nulls_node *node;
	struct conn *c;

begin:
	hlist_nulls_for_each_entry_rcu(c, node, &b->chain, common.nulls_node) {
		if (c->common.port == port)
			return c;
	}
	if (get_nulls_value(node) != slot)
		goto begin;
	return NULL;
}

/* The listener lookup restarts too, on its own nulls values. */
struct conn *conn_lookup_listener(int port)
{
	unsigned int slot = port & conn_hashinfo.mask;
	struct listen_bucket *lb = &conn_hashinfo.lhash[slot];
	struct hlist_nulls_node *node;
	struct conn *c;

begin:
	hlist_nulls_for_each_entry_rcu(c, node, &lb->nulls_head, common.nulls_node) {
		if (c->common.port == port)
			return c;
	}
	if (get_nulls_value(node) != LISTEN_NULLS_BASE + slot)
		goto begin;
	return NULL;
}

/*
 * check-name: seed 003 fixed: the listener hash is an hlist_nulls too
 */
