#include "kernel.h"
#include "account.h"

/*
 * The source account's lock is held while the other parameter's account
 * is credited: one class, two unrelated instances.  Not a self-deadlock
 * (and whether from/to can be the same account is the caller's concern).
 */
void account_transfer(struct account *from, struct account *to, long n)
{
	spin_lock(&from->lock);
	from->balance -= n;
	account_credit(to, n);
	spin_unlock(&from->lock);
}

/*
 * check-name: &a->lock held, the callee locks &b->lock of another parameter: silent
 */
