#include "waits.h"

/*
 * A fan device carries a "speed" attribute and a hwmon-like bank object
 * an attribute group; both read under the driver's mutex.  Removal holds
 * that mutex while it unregisters the device and deletes the bank's
 * kobject: each waits for the running show() calls of the attributes
 * attached to it (kernfs drains them), and a show() that has started
 * waits for the mutex.
 *
 * check-name: device_unregister() and kobject_del() under the mutex their attributes take
 * check-error-start
test.c:83:9: warning: kobject_del() waits for the sysfs callbacks of the attributes of '&b->kobj' with '&f->lock' held, and its callback level_show() acquires 'struct fan::lock': deadlock [lockscope/wait-under-lock]
test.c:81: note: '&f->lock' (struct fan::lock) acquired here
test.c:52: note: level_show() is a callback of an attribute attached to 'struct fan_bank::kobj'
test.c:57:9: note: level_show() acquires '&kobj->fan->lock' here
test.c:81: note: scenario: CPU0: lock(&f->lock) in fan_remove()
test.c:52: note: scenario: CPU1: level_show() starts, lock(struct fan::lock) waits for CPU0
test.c:83: note: scenario: CPU0: waits for level_show() on CPU1 to finish: deadlock
test.c:84:9: warning: device_unregister() waits for the sysfs callbacks of the attributes of '&f->dev' with '&f->lock' held, and its callback speed_show() acquires 'struct fan::lock': deadlock [lockscope/wait-under-lock]
test.c:81: note: '&f->lock' (struct fan::lock) acquired here
test.c:40: note: speed_show() is a callback of an attribute attached to 'struct fan::dev'
test.c:45:9: note: speed_show() acquires '&dev->lock' here
test.c:81: note: scenario: CPU0: lock(&f->lock) in fan_remove()
test.c:40: note: scenario: CPU1: speed_show() starts, lock(struct fan::lock) waits for CPU0
test.c:84: note: scenario: CPU0: waits for speed_show() on CPU1 to finish: deadlock
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
	kobject_del(&b->kobj);
	device_unregister(&f->dev);
	mutex_unlock(&f->lock);
}
