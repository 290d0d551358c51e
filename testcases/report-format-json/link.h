/* A link with a state lock and a statistics lock. */
#ifndef TEST_LINK_H
#define TEST_LINK_H

struct link {
	spinlock_t state_lock;
	spinlock_t stats_lock;
	int state;
	long packets;
};

void link_count(struct link *l);
void link_reset(struct link *l);

#endif
