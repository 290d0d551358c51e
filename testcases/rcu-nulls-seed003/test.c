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
 * check-name: seed 003: a recycled object linked into an hlist_nulls and a plain hlist, both walked under RCU
 * check-error-start
hash.c:26:9: warning: struct conn objects are reused without an RCU grace period and are linked both into the hlist_nulls 'struct est_bucket::chain' and into the plain hlist 'struct listen_bucket::head', each walked under RCU: a lookup can follow a reused object into another chain without noticing; 'struct listen_bucket::head' must be an hlist_nulls with its own nulls values, and lookups must re-check and restart [lockscope/rcu-nulls]
proto.c:9: note: struct conn objects come from a SLAB_TYPESAFE_BY_RCU cache (&tconn_prot)
hash.c:26:9: note: conn_hash() links it into the plain hlist '&conn_hashinfo.lhash[*].head' (struct listen_bucket::head) here
hash.c:21:17: note: conn_hash() calls ehash_insert()
hash.c:11:9: note: ehash_insert() links it into the hlist_nulls '&conn_hashinfo.ehash[*].chain' (struct est_bucket::chain) here
test.c:28:9: note: conn_lookup_listener() walks '&conn_hashinfo.lhash[*].head' under RCU here: a plain chain, no restart
test.c:13:9: note: conn_lookup_established() walks '&conn_hashinfo.ehash[*].chain' under RCU here: a reused object can carry it into 'struct listen_bucket::head'
 * check-error-end
 */
