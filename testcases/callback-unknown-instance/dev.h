/* A device and the link it is attached to, found by a lookup. */
#ifndef TEST_DEV_H
#define TEST_DEV_H

struct link {
	spinlock_t lock;
	int mtu;
};

struct dev {
	struct link *link;
	int id;
};

struct link *link_lookup(int id);
void dev_sync_mtu(struct dev *d);

#endif
