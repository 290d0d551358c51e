#include "kernel.h"
#include "stats.h"

void stats_flush(struct stats_dev *d)
{
	spin_lock(&d->lock);
	d->events = 0;
	spin_unlock(&d->lock);
}
