#include "kernel.h"

struct rule {
	int prio;
	struct list_head list;
};

struct ruleset {
	spinlock_t lock;
	struct list_head rules;
};

/* The node is linked in with plain stores: a reader may see it half-made. */
void rule_insert(struct ruleset *rs, struct rule *r)
{
	spin_lock(&rs->lock);
	list_add(&r->list, &rs->rules);
	spin_unlock(&rs->lock);
}

int rule_match(struct ruleset *rs, int prio)
{
	struct rule *r;
	int found = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(r, &rs->rules, list)
		if (r->prio == prio)
			found = 1;
	rcu_read_unlock();
	return found;
}

/*
 * check-name: plain list_add() into a list_head RCU readers walk
 *
 * list_for_each_entry_rcu() reads its links with a READ_ONCE() of a plain
 * list_head pointer: the walk is told by that volatile load becoming an
 * entry, inside rcu_read_lock().
 *
 * check-error-start
test.c:17:9: warning: rule_insert() links a node into '&rs->rules' (struct ruleset::rules) with a plain insertion, but RCU readers walk that list: use the _rcu variant, which publishes the node only once it is initialised [lockscope/rcu-walked-add]
test.c:27:9: note: rule_match() walks '&rs->rules' under RCU here
 * check-error-end
 */
