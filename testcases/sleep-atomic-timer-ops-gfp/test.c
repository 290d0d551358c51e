#include "ring.h"

static int ring_alloc_one(struct ring *ring)
{
	void *buf = kmalloc(2048, GFP_KERNEL);

	if (!buf)
		return -1;
	ring->bufs[ring->fill++ & 7] = buf;
	return 0;
}

/* The hardware's refill: reached from the timer through ring_ops. */
static int hw_refill(struct ring *ring)
{
	while (ring->fill < 8)
		if (ring_alloc_one(ring))
			return -1;
	return 0;
}

const struct ring_ops hw_ring_ops = {
	.refill = hw_refill,
};

/*
 * check-name: GFP_KERNEL allocation reached from a timer callback through an ops struct
 * check-error-start
timer.c:8:24: warning: ring_refill_timer() runs in softirq context and may sleep (kmalloc()): sleeping in atomic context [lockscope/sleep-in-atomic]
timer.c:4: note: ring_refill_timer() runs in softirq context (bound to struct timer_list::function)
timer.c:8:24: note: ring_refill_timer() calls hw_refill() through struct ring_ops::refill
test.c:17:21: note: hw_refill() calls ring_alloc_one()
test.c:5:21: note: ring_alloc_one() calls kmalloc() with GFP flags 0xcc0, which allow direct reclaim: it may sleep
 * check-error-end
 */
