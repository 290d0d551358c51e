#include "kernel.h"

struct rule {
	struct list_head list;
	int prio;
};

struct ruleset {
	spinlock_t lock;
	struct list_head rules;
};

void rule_insert(struct ruleset *rs, struct rule *r)
{
	spin_lock(&rs->lock);
	list_add(&r->list, &rs->rules);
	spin_unlock(&rs->lock);
}

struct rule *rule_lookup(struct ruleset *rs, int prio)
{
	struct rule *r;

	list_for_each_entry_rcu(r, &rs->rules, list)
		if (r->prio == prio)
			return r;
	return NULL;
}

/*
 * check-name: plain list_add() into a list_head RCU readers walk
 * check-known-to-fail
 *
 * list_for_each_entry_rcu() reads its links with a plain READ_ONCE(), not
 * through an __rcu pointer type, so the walk is not seen.
 *
 * check-error-start
test.c:16:9: warning: rule_insert() links a node into '&rs->rules' (struct ruleset::rules) with a plain insertion, but RCU readers walk that list: use the _rcu variant, which publishes the node only once it is initialised [lockscope/rcu-walked-add]
test.c:24:9: note: rule_lookup() walks '&rs->rules' under RCU here
 * check-error-end
 */
