#include "kernel.h"
#include "conn.h"

struct conn_hashinfo conn_hashinfo;

static void ehash_insert(struct conn *c)
{
	struct est_bucket *b = &conn_hashinfo.ehash[c->common.port & conn_hashinfo.mask];

	spin_lock(&b->lock);
	hlist_nulls_add_head_rcu(&c->common.nulls_node, &b->chain);
	spin_unlock(&b->lock);
}

/* A socket that stops listening and connects reuses the same node. */
int conn_hash(struct conn *c)
{
	struct listen_bucket *lb;

	if (c->common.state != CONN_LISTEN) {
		ehash_insert(c);
		return 0;
	}
	lb = &conn_hashinfo.lhash[c->common.port & conn_hashinfo.mask];
	spin_lock(&lb->lock);
	hlist_add_head_rcu(&c->common.node, &lb->head);
	spin_unlock(&lb->lock);
	return 0;
}

void conn_unhash_listener(struct conn *c)
{
	struct listen_bucket *lb = &conn_hashinfo.lhash[c->common.port & conn_hashinfo.mask];

	spin_lock(&lb->lock);
	hlist_del_init(&c->common.node);
	spin_unlock(&lb->lock);
}

/* Bound ports: a plain RCU chain, but no object on it is ever in a nulls one. */
struct port_bucket {
	struct hlist_head head;
};

void conn_bind_port(struct conn *c, struct port_bucket *pb)
{
	hlist_add_head_rcu(&c->common.node, &pb->head);
}

struct conn *conn_lookup_port(struct port_bucket *pb, int port)
{
	struct conn *c;

	hlist_for_each_entry_rcu(c, &pb->head, common.node)
		if (c->common.port == port)
			return c;
	return NULL;
}

void conn_hashinfo_init(void)
{
	unsigned int i;

	for (i = 0; i <= conn_hashinfo.mask; i++) {
		spin_lock_init(&conn_hashinfo.lhash[i].lock);
		INIT_HLIST_HEAD(&conn_hashinfo.lhash[i].head);
	}
}
