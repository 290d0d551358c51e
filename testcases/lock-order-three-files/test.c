#include "kernel.h"
#include "model.h"

/*
 * driver -> bus closes the cycle: bus_add_device() (bus.c) holds the bus
 * lock while device_attach() takes a device lock, device_bind()
 * (device.c) holds a device lock while it takes a driver's rwsem, and
 * this takes the bus lock under the driver's rwsem.  No two functions
 * invert a pair: only the three together deadlock.
 */
void driver_rescan(struct driver *drv)
{
	down_read(&drv->rwsem);
	mutex_lock(&drv->bus->lock);
	drv->bus->ndev = 0;
	mutex_unlock(&drv->bus->lock);
	up_read(&drv->rwsem);
}

/*
 * check-name: three lock classes in a cycle across three files, one edge through a call
 * check-error-start
bus.c:9:9: warning: possible circular locking dependency: 'struct bus::lock' -> 'struct device::lock' -> 'struct driver::rwsem' -> 'struct bus::lock' [lockscope/lock-order]
bus.c:7: note: bus_add_device() holds '&bus->lock' (struct bus::lock) from here
bus.c:9:9: note: ... and calls device_attach(), which acquires struct device::lock
device.c:6:9: note: device_attach() acquires '&dev->lock' here
device.c:14: note: device_bind() holds '&dev->lock' (struct device::lock) from here
device.c:15:9: note: ... and acquires '&drv->rwsem' (struct driver::rwsem) here
test.c:13: note: driver_rescan() holds '&drv->rwsem' (struct driver::rwsem) from here
test.c:14:9: note: ... and acquires '&drv->bus->lock' (struct bus::lock) here
bus.c:7: note: scenario: CPU0: lock(&bus->lock) in bus_add_device()
device.c:14: note: scenario: CPU1: lock(&dev->lock) in device_bind()
test.c:13: note: scenario: CPU2: lock(&drv->rwsem) in driver_rescan()
bus.c:9: note: scenario: CPU0: lock(&dev->lock) waits for CPU1: deadlock
device.c:15: note: scenario: CPU1: lock(&drv->rwsem) waits for CPU2: deadlock
test.c:14: note: scenario: CPU2: lock(&drv->bus->lock) waits for CPU0: deadlock
 * check-error-end
 */
