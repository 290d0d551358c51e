#include "kernel.h"

struct conn {
	struct hlist_nulls_node node;
	int port;
};

struct kmem_cache *conn_cache;	/* SLAB_TYPESAFE_BY_RCU */

/*
 * Off a nulls chain and freed at once: the cache is type-safe, lookups
 * re-check the object they found and restart, no grace period is due.
 */
void conn_destroy(struct conn *c)
{
	hlist_nulls_del_init_rcu(&c->node);
	kmem_cache_free(conn_cache, c);
}

/*
 * check-name: freed at once after an hlist_nulls removal
 * check-command: lockscope -Iinclude --no-facts --no-sparse-warnings $file
 */
