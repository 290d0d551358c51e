/* A device and its receive queue: the device lock nests the queue's. */
#ifndef TEST_DEV_H
#define TEST_DEV_H

struct rxq {
	spinlock_t lock;
	int len;
};

struct dev {
	spinlock_t lock;
	struct rxq *q;
	int drained;
};

#endif
