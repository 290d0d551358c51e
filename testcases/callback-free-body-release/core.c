#include "kernel.h"
#include "dev.h"

spinlock_t devices_lock;

static void device_release(struct device *dev)
{
	spin_lock(&devices_lock);
	dev->refs = -1;
	spin_unlock(&devices_lock);
}

/* The last reference's release takes the list lock. */
void put_device(struct device *dev)
{
	if (--dev->refs == 0)
		device_release(dev);
}
