/* A bus of devices bound to drivers: three lock classes. */
#ifndef TEST_MODEL_H
#define TEST_MODEL_H

struct driver;

struct bus {
	struct mutex lock;		/* the list of devices */
	int ndev;
};

struct device {
	struct mutex lock;		/* the binding */
	struct bus *bus;
	struct driver *drv;
};

struct driver {
	struct rw_semaphore rwsem;	/* the driver's state */
	struct bus *bus;
	int bound;
};

void device_attach(struct device *dev);

#endif
