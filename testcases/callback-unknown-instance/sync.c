#include "kernel.h"
#include "dev.h"

/* Locks the link a lookup returns: no name relative to d. */
void dev_sync_mtu(struct dev *d)
{
	struct link *l = link_lookup(d->id);

	spin_lock(&l->lock);
	l->mtu = 1500;
	spin_unlock(&l->lock);
}
