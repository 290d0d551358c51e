/* A receive ring refilled by the hardware's own allocator. */
#ifndef TEST_RING_H
#define TEST_RING_H

#include "irqctx.h"

struct ring;

struct ring_ops {
	int (*refill)(struct ring *ring);
};

struct ring {
	const struct ring_ops *ops;
	struct timer_list refill_timer;
	void *bufs[8];
	unsigned int fill;
};

#endif
