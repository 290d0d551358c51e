#include "poll.h"

/* The timer reaps completed descriptors. */
static void poll_reap(struct poll_dev *pd)
{
	spin_lock(&pd->lock);
	pd->tail = pd->head;
	spin_unlock(&pd->lock);
}

static void poll_timer_fn(struct timer_list *t)
{
	struct poll_dev *pd = from_timer(pd, t, poll_timer);

	poll_reap(pd);
	mod_timer(&pd->poll_timer, 1);
}

void poll_start(struct poll_dev *pd)
{
	timer_setup(&pd->poll_timer, poll_timer_fn, 0);
	mod_timer(&pd->poll_timer, 1);
}
