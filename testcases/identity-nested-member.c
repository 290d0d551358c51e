#include "kernel.h"

struct counters {
	int rx;
	spinlock_t lock;
};

struct nic {
	int id;
	struct counters stats;
};

/* A lock in a struct inside a struct: the class names the member path. */
static void nic_count_rx(struct nic *nic)
{
	spin_lock(&nic->stats.lock);
	nic->stats.rx++;
	spin_unlock(&nic->stats.lock);
	spin_unlock(&nic->stats.lock);
}

/*
 * check-name: a lock in a nested struct: the class is the inner struct's, as lockdep keys it
 *
 * check-error-start
identity-nested-member.c:19:9: warning: spin_unlock() releases '&nic->stats.lock', which is not held on this path [lockscope/double-unlock]
identity-nested-member.c:18:9: note: '&nic->stats.lock' (struct counters::lock) was already released here
 * check-error-end
 */
