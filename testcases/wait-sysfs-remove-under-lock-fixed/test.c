#include "waits.h"

/*
 * A sensor's "threshold" attribute reads the value under the sensor
 * mutex; unbinding holds that mutex while it removes the attribute.
 * Removal waits for running show() calls, and a show() that has started
 * waits for the mutex.  Fixed: removed first.
 *
 * check-name: the attribute removed before the mutex is taken: silent
 */
struct sensor {
	struct device dev;
	struct mutex lock;
	int threshold;
};

static struct sensor *to_sensor(struct device *dev)
{
	return container_of(dev, struct sensor, dev);
}

static ssize_t threshold_show(struct device *dev, struct device_attribute *attr,
			      char *buf)
{
	struct sensor *s = to_sensor(dev);
	int v;

	mutex_lock(&s->lock);
	v = s->threshold;
	mutex_unlock(&s->lock);
	return sysfs_emit(buf, "%d\n", v);
}
static DEVICE_ATTR_RO(threshold);

int sensor_bind(struct sensor *s)
{
	return device_create_file(&s->dev, &dev_attr_threshold);
}

void sensor_unbind(struct sensor *s)
{
	device_remove_file(&s->dev, &dev_attr_threshold);
	mutex_lock(&s->lock);
	s->threshold = 0;
	mutex_unlock(&s->lock);
}
