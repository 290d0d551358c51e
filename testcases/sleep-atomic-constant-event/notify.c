#include "addr.h"

static void group_leave(struct addr_dev *dev)
{
	mutex_lock(&dev->group_lock);
	dev->naddrs--;
	mutex_unlock(&dev->group_lock);
}

/* Only a deletion leaves the group: the other events take no lock. */
void addr_notify(int event, struct addr_dev *dev)
{
	switch (event) {
	case ADDR_DEL:
		group_leave(dev);
		break;
	default:
		break;
	}
}
