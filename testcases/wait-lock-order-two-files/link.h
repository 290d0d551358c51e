/* A link with a config mutex, a stats lock and a poll timer. */
#ifndef TEST_LINK_H
#define TEST_LINK_H

struct link {
	spinlock_t cfg_lock;
	spinlock_t stats_lock;
	struct timer_list poll;
	unsigned long rx, mtu;
};

void link_stats_reset(struct link *l);

#endif
