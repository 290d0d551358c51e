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

/* The listener lookup walks a plain chain: it cannot tell it was moved. */
struct conn *conn_lookup_listener(int port)
{
	struct listen_bucket *lb = &conn_hashinfo.lhash[port & conn_hashinfo.mask];
	struct conn *c;

	hlist_for_each_entry_rcu(c, &lb->head, common.node) {
		if (c->common.port == port)
			return c;
	}
	return NULL;
}


/*
 * check-name: lockscope fix: rcu-nulls gets no patch (making a list an hlist_nulls is not mechanical) and says why
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p; ls $FACTS.p
 * check-error-start
lockscope fix: 8379024e19048873 (rcu-nulls): no patch: making 'struct listen_bucket::head' an hlist_nulls changes its heads' type and initialisation (nulls values), every insertion, removal and walk of it, and each lookup's restart test: not a mechanical change
 * check-error-end
 */
