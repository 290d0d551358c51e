/* A device whose statistics are flushed under many locks. */
#ifndef TEST_STATS_H
#define TEST_STATS_H

struct dev {
	spinlock_t lock;
	long packets;
};

void stats_flush(struct dev *d);

#endif
