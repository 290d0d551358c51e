#include "kernel.h"

struct rule {
	int prio;
	struct list_head list;
};

struct ruleset {
	spinlock_t lock;
	struct list_head rules;
	struct list_head spare;
};

/* Published with a release store once the node is initialised. */
void rule_insert(struct ruleset *rs, struct rule *r)
{
	spin_lock(&rs->lock);
	list_add_rcu(&r->list, &rs->rules);
	spin_unlock(&rs->lock);
}

void rule_append(struct ruleset *rs, struct rule *r)
{
	spin_lock(&rs->lock);
	list_add_tail_rcu(&r->list, &rs->rules);
	spin_unlock(&rs->lock);
}

/* Another list of the set, never walked under RCU. */
void rule_park(struct ruleset *rs, struct rule *r)
{
	spin_lock(&rs->lock);
	list_add(&r->list, &rs->spare);
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

struct rule *rule_first(struct ruleset *rs)
{
	struct rule *r;

	rcu_read_lock();
	r = list_first_or_null_rcu(&rs->rules, struct rule, list);
	rcu_read_unlock();
	return r;
}

/*
 * check-name: list_add_rcu()/list_add_tail_rcu() into a list_head RCU readers walk
 *
 * The fixed insertion, and a plain one into another list of the same
 * struct that no reader walks under RCU: both silent.
 */
