#include "waits.h"

/*
 * A fan device carries a "speed" attribute and a hwmon-like bank object
 * an attribute group; both read under the driver's mutex.  Removal drops
 * that mutex before it unregisters the device and deletes the bank's
 * kobject, which wait for running show() calls: fixed.
 *
 * check-name: device_unregister() and kobject_del() after dropping the mutex their attributes take
 * check-error-start
 * check-error-end
 */
struct fan {
	struct device dev;
	struct mutex lock;
	int speed;
};

struct fan_bank {
	struct kobject kobj;
	struct fan *fan;
};

static ssize_t speed_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct fan *f = container_of(dev, struct fan, dev);
	int v;

	mutex_lock(&f->lock);
	v = f->speed;
	mutex_unlock(&f->lock);
	return sysfs_emit(buf, "%d\n", v);
}
static DEVICE_ATTR_RO(speed);

static ssize_t level_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	struct fan_bank *b = container_of(kobj, struct fan_bank, kobj);
	int v;

	mutex_lock(&b->fan->lock);
	v = b->fan->speed / 100;
	mutex_unlock(&b->fan->lock);
	return sysfs_emit(buf, "%d\n", v);
}

static struct kobj_attribute level_attr = { .attr = { .name = "level" },
					    .show = level_show };
static struct attribute *bank_attrs[] = { &level_attr.attr, NULL };
static const struct attribute_group bank_group = { .attrs = bank_attrs };

int fan_add(struct fan *f, struct fan_bank *b)
{
	int err = device_register(&f->dev);

	if (!err)
		err = device_create_file(&f->dev, &dev_attr_speed);
	if (!err)
		err = sysfs_create_group(&b->kobj, &bank_group);
	return err;
}

void fan_remove(struct fan *f, struct fan_bank *b)
{
	mutex_lock(&f->lock);
	f->speed = 0;
	mutex_unlock(&f->lock);
	kobject_del(&b->kobj);
	device_unregister(&f->dev);
}
