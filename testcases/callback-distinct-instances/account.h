/* Bank accounts, each with its own lock of one class. */
#ifndef TEST_ACCOUNT_H
#define TEST_ACCOUNT_H

struct account {
	spinlock_t lock;
	long balance;
};

void account_credit(struct account *acct, long n);

#endif
