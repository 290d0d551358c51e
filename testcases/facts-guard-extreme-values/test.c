#include "clock.h"

void clock_drain(struct clock *c, struct queue *q)
{
	spin_lock(&c->lock);
	spin_lock(&q->lock);
	c->next = 0;
	spin_unlock(&q->lock);
	spin_unlock(&c->lock);
}

/*
 * A guard against LLONG_MAX and LLONG_MIN (KTIME_MAX-style sentinels)
 * is written to the facts as the number itself; reading it back must
 * not reject the file, or the half of the cycle in clock.c is lost.
 *
 * check-name: facts with guards at the extremes of long long are read back whole
 * check-error-start
test.c:6:9: warning: possible circular locking dependency: 'struct clock::lock' -> 'struct queue::lock' -> 'struct clock::lock' [lockscope/lock-order]
test.c:5: note: clock_drain() holds '&c->lock' (struct clock::lock) from here
test.c:6:9: note: ... and acquires '&q->lock' (struct queue::lock) here
clock.c:16: note: queue_arm() holds '&q->lock' (struct queue::lock) from here
clock.c:18:17: note: ... and calls clock_program(), which acquires struct clock::lock
clock.c:9:9: note: clock_program() acquires '&c->lock' here
test.c:5: note: scenario: CPU0: lock(&c->lock) in clock_drain()
clock.c:16: note: scenario: CPU1: lock(&q->lock) in queue_arm()
test.c:6: note: scenario: CPU0: lock(&q->lock) waits for CPU1: deadlock
clock.c:18: note: scenario: CPU1: lock(&c->lock) waits for CPU0: deadlock
 * check-error-end
 */
