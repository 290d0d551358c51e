#include "waits.h"

/*
 * A firmware object publishes its attributes as a group; the "version"
 * attribute reads under the object's mutex, and teardown removes the
 * group with the mutex held.  Removing the group waits for every show()
 * of its attributes.
 *
 * check-name: a sysfs group removed under the mutex one of its show() takes
 * check-error-start
test.c:53:9: warning: sysfs_remove_group() waits for the sysfs callbacks of '&fw_group' with '&the_fw.lock' held, and its callback version_show() acquires 'test.c:the_fw.lock': deadlock [lockscope/wait-under-lock]
test.c:51: note: '&the_fw.lock' (test.c:the_fw.lock) acquired here
test.c:28: note: version_show() is a callback of the attribute '&fw_group'
test.c:33:9: note: version_show() acquires '&the_fw.lock' here
test.c:51: note: scenario: CPU0: lock(&the_fw.lock) in fw_unpublish()
test.c:28: note: scenario: CPU1: version_show() starts, lock(test.c:the_fw.lock) waits for CPU0
test.c:53: note: scenario: CPU0: waits for version_show() on CPU1 to finish: deadlock
 * check-error-end
 */
struct fw {
	struct kobject kobj;
	struct mutex lock;
	int version;
};

static struct fw the_fw;

static ssize_t version_show(struct kobject *kobj, struct kobj_attribute *attr,
			    char *buf)
{
	int v;

	mutex_lock(&the_fw.lock);
	v = the_fw.version;
	mutex_unlock(&the_fw.lock);
	return sysfs_emit(buf, "%d\n", v);
}

static struct kobj_attribute version_attr = { .attr = { .name = "version" },
					      .show = version_show };
static struct attribute *fw_attrs[] = { &version_attr.attr, NULL };
static const struct attribute_group fw_group = { .attrs = fw_attrs };

int fw_publish(void)
{
	return sysfs_create_group(&the_fw.kobj, &fw_group);
}

void fw_unpublish(void)
{
	mutex_lock(&the_fw.lock);
	the_fw.version = 0;
	sysfs_remove_group(&the_fw.kobj, &fw_group);
	mutex_unlock(&the_fw.lock);
}
