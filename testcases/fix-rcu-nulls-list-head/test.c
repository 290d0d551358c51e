#include "kernel.h"

/* Flows: from a SLAB_TYPESAFE_BY_RCU cache, hashed and on an age list. */
struct flow {
	struct hlist_nulls_node hnode;
	struct list_head age;
	int key;
};

struct flow_table {
	spinlock_t lock;
	struct hlist_nulls_head hash;
	struct list_head by_age;
};

struct kmem_cache *flow_cache;

void flow_init(void)
{
	flow_cache = kmem_cache_create("flow", sizeof(struct flow), 0,
				       SLAB_TYPESAFE_BY_RCU, NULL);
}

void flow_insert(struct flow_table *t, struct flow *f)
{
	spin_lock(&t->lock);
	hlist_nulls_add_head_rcu(&f->hnode, &t->hash);
	list_add_tail_rcu(&f->age, &t->by_age);
	spin_unlock(&t->lock);
}

struct flow *flow_lookup(struct flow_table *t, int key)
{
	struct hlist_nulls_node *node;
	struct flow *f;

	hlist_nulls_for_each_entry_rcu(f, node, &t->hash, hnode)
		if (f->key == key)
			return f;
	return NULL;
}

int flow_oldest_key(struct flow_table *t)
{
	struct flow *f;
	int key = -1;

	rcu_read_lock();
	list_for_each_entry_rcu(f, &t->by_age, age) {
		key = f->key;
		break;
	}
	rcu_read_unlock();
	return key;
}

/*
 * check-name: lockscope fix: rcu-nulls on a plain list_head gets no patch (an hlist_nulls replaces an hlist) and says why
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p; ls $FACTS.p
 * check-error-start
lockscope fix: 1ddc662ae5f9e0d8 (rcu-nulls): no patch: 'struct flow_table::by_age' is a list_head: an hlist_nulls replaces an hlist, not a list
 * check-error-end
 */
