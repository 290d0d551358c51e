/* An address under its device: two locks, the device's taken first. */
#ifndef TEST_ADDR_H
#define TEST_ADDR_H

struct dev_state {
	rwlock_t lock;
	int users;
};

struct addr {
	spinlock_t lock;
	struct dev_state *dev;
	int flags;
};

void addr_announce(struct addr *a);

#endif
