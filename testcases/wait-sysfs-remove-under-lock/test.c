#include "waits.h"

/*
 * A sensor's "threshold" attribute reads the value under the sensor
 * mutex; unbinding holds that mutex while it removes the attribute.
 * Removal waits for running show() calls, and a show() that has started
 * waits for the mutex.
 *
 * check-name: a sysfs attribute removed under the mutex its show() takes
 * check-error-start
test.c:53:9: warning: device_remove_file() waits for the sysfs callbacks of '&dev_attr_threshold' with '&s->lock' held, and its callback threshold_show() acquires 'struct sensor::lock': deadlock [lockscope/wait-under-lock]
test.c:51: note: '&s->lock' (struct sensor::lock) acquired here
test.c:31: note: threshold_show() is a callback of the attribute '&dev_attr_threshold'
test.c:37:9: note: threshold_show() acquires '&to_sensor()->lock' here
test.c:51: note: scenario: CPU0: lock(&s->lock) in sensor_unbind()
test.c:31: note: scenario: CPU1: threshold_show() starts, lock(struct sensor::lock) waits for CPU0
test.c:53: note: scenario: CPU0: waits for threshold_show() on CPU1 to finish: deadlock
 * check-error-end
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
	mutex_lock(&s->lock);
	s->threshold = 0;
	device_remove_file(&s->dev, &dev_attr_threshold);
	mutex_unlock(&s->lock);
}
