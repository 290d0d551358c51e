#include "kernel.h"
#include "addr.h"

/* Writes both the address and its device: takes both locks. */
void addr_announce(struct addr *a)
{
	spin_lock(&a->lock);
	a->flags |= 2;
	spin_unlock(&a->lock);
	write_lock_bh(&a->dev->lock);
	a->dev->users++;
	write_unlock_bh(&a->dev->lock);
}

/* The usual order: device, then address. */
void addr_remove(struct addr *a)
{
	write_lock_bh(&a->dev->lock);
	spin_lock(&a->lock);
	a->flags = 0;
	spin_unlock(&a->lock);
	write_unlock_bh(&a->dev->lock);
}
