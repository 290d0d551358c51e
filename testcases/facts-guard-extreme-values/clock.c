#include "clock.h"

#define CLOCK_NEVER	((long long)(~0ULL >> 1))
#define CLOCK_FIRST	(-CLOCK_NEVER - 1)

/* Guarded by the extremes of long long: the facts must keep both. */
static void clock_program(struct clock *c, long long when)
{
	spin_lock(&c->lock);
	c->next = when;
	spin_unlock(&c->lock);
}

void queue_arm(struct queue *q, long long when)
{
	spin_lock(&q->lock);
	if (when == CLOCK_NEVER)
		clock_program(q->clock, 0);
	else if (when == CLOCK_FIRST)
		clock_program(q->clock, 1);
	spin_unlock(&q->lock);
}
