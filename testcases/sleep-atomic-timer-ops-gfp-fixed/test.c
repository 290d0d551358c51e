#include "ring.h"

static int ring_alloc_one(struct ring *ring)
{
	void *buf = kmalloc(2048, GFP_ATOMIC);

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
 * check-name: GFP_ATOMIC allocation reached from a timer callback through an ops struct
 */
