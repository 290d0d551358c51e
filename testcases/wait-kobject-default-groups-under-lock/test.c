#include "waits.h"

/*
 * Known limitation: attributes a kobject gets from its ktype's
 * default_groups (or a device from dev->groups, a class's or a driver's
 * .dev_groups) are added by the core, not by a call in the driver, so
 * kobject_put() of the last reference does not wait for them as far as
 * lockscope knows.  The deadlock below is real and not reported.
 *
 * check-name: kobject_put() under a mutex a default-group attribute takes
 * check-known-to-fail
 * check-error-start
test.c:53:9: warning: kobject_put() waits for the sysfs callbacks of the attributes of '&q->kobj' with '&q->lock' held, and its callback depth_show() acquires 'struct queue::lock': deadlock [lockscope/wait-under-lock]
 * check-error-end
 */
struct kobj_type { const struct attribute_group **default_groups; };
int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...);

struct queue {
	struct kobject kobj;
	struct mutex lock;
	int depth;
};

static ssize_t depth_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	struct queue *q = container_of(kobj, struct queue, kobj);
	int v;

	mutex_lock(&q->lock);
	v = q->depth;
	mutex_unlock(&q->lock);
	return sysfs_emit(buf, "%d\n", v);
}

static struct kobj_attribute depth_attr = { .attr = { .name = "depth" },
					    .show = depth_show };
static struct attribute *queue_attrs[] = { &depth_attr.attr, NULL };
static const struct attribute_group queue_group = { .attrs = queue_attrs };
static const struct attribute_group *queue_groups[] = { &queue_group, NULL };
static const struct kobj_type queue_ktype = { .default_groups = queue_groups };

int queue_add(struct queue *q, struct kobject *parent)
{
	return kobject_init_and_add(&q->kobj, &queue_ktype, parent, "queue");
}

void queue_release(struct queue *q)
{
	mutex_lock(&q->lock);
	q->depth = 0;
	kobject_put(&q->kobj);
	mutex_unlock(&q->lock);
}
