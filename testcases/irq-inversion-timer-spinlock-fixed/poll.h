/* A device polled by a timer when its interrupt is unreliable. */
#ifndef TEST_POLL_H
#define TEST_POLL_H

#include "irqctx.h"

struct poll_dev {
	spinlock_t lock;		/* the rings */
	struct timer_list poll_timer;
	unsigned int head, tail;
};

#endif
