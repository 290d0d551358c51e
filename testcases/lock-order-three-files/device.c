#include "kernel.h"
#include "model.h"

void device_attach(struct device *dev)
{
	mutex_lock(&dev->lock);
	dev->drv = NULL;
	mutex_unlock(&dev->lock);
}

/* device -> driver: the driver's rwsem under the device lock. */
int device_bind(struct device *dev, struct driver *drv)
{
	mutex_lock(&dev->lock);
	down_write(&drv->rwsem);
	drv->bound++;
	dev->drv = drv;
	up_write(&drv->rwsem);
	mutex_unlock(&dev->lock);
	return 0;
}
