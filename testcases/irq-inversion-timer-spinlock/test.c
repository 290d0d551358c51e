#include "poll.h"

/* Process context, softirqs on: the timer can fire on this CPU inside. */
void poll_queue(struct poll_dev *pd)
{
	spin_lock(&pd->lock);
	pd->head++;
	spin_unlock(&pd->lock);
}

/*
 * check-name: spinlock taken in a timer callback and with plain spin_lock in process context
 * check-error-start
test.c:6:9: warning: '&pd->lock' (struct poll_dev::lock) is acquired in softirq context and here with softirqs enabled: deadlock if the interrupt comes while it is held [lockscope/irq-inversion]
timer.c:11: note: poll_timer_fn() runs in softirq context (bound to struct timer_list::function)
timer.c:15:9: note: poll_timer_fn() calls poll_reap()
timer.c:6:9: note: poll_reap() acquires '&pd->lock' here
test.c:6: note: scenario: CPU0: lock(struct poll_dev::lock) in poll_queue() with softirqs enabled
timer.c:6: note: scenario: CPU0: <softirq> lock(struct poll_dev::lock) in poll_reap(): deadlock
 * check-error-end
 */
