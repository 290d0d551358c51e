#include "kernel.h"

struct account {
	spinlock_t lock;
	int balance;
};

/*
 * Two locks of one class, two instances: nesting them is no self-deadlock
 * (the order between them is another check's business).
 */
static void account_transfer(struct account *from, struct account *to, int n)
{
	spin_lock(&from->lock);
	spin_lock_nested(&to->lock, SINGLE_DEPTH_NESTING);
	from->balance -= n;
	to->balance += n;
	spin_unlock(&to->lock);
	spin_unlock(&from->lock);
}

/*
 * check-name: two instances of one class nested: no double lock
 */
