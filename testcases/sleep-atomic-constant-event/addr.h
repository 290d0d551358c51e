/* Addresses whose changes are announced to a group membership list. */
#ifndef TEST_ADDR_H
#define TEST_ADDR_H

#include "kernel.h"

#define ADDR_NEW	20
#define ADDR_DEL	21

struct addr_dev {
	rwlock_t lock;			/* the address list */
	struct mutex group_lock;	/* the multicast memberships */
	int naddrs;
};

void addr_notify(int event, struct addr_dev *dev);

#endif
