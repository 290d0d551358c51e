#include "ring.h"

/* Refills the ring when the hot path ran dry. */
static void ring_refill_timer(struct timer_list *t)
{
	struct ring *ring = from_timer(ring, t, refill_timer);

	if (ring->ops->refill(ring))
		mod_timer(&ring->refill_timer, 1);
}

void ring_init(struct ring *ring)
{
	timer_setup(&ring->refill_timer, ring_refill_timer, 0);
}
