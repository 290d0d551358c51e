#include "kernel.h"
#include "model.h"

/* bus -> device: attach() takes the device's lock under the bus lock. */
void bus_add_device(struct bus *bus, struct device *dev)
{
	mutex_lock(&bus->lock);
	bus->ndev++;
	device_attach(dev);
	mutex_unlock(&bus->lock);
}
