#include "kernel.h"
#include "account.h"

/* Locks the account it is given. */
void account_credit(struct account *acct, long n)
{
	spin_lock(&acct->lock);
	acct->balance += n;
	spin_unlock(&acct->lock);
}
