#include "kernel.h"
#include "dev.h"

/*
 * One call, three targets: the lock is taken for event 1, 2 or 3.  The
 * second and third targets' guards are joined into the first's, each a
 * widening of its own.
 */
void dev_notify(struct dev *d, int event)
{
	d->ops->notify(d, event);
}
