/*
 * What the wait tests need beyond driver.h: works flushed, IRQs, sysfs
 * groups, 6.1-shaped (request_irq() is an inline around
 * request_threaded_irq(), timer_setup() a macro around init_timer_key()).
 */
#ifndef TEST_WAITS_H
#define TEST_WAITS_H

#include "driver.h"

bool flush_work(struct work_struct *work);
struct delayed_work { struct work_struct work; struct timer_list timer; };
bool cancel_delayed_work_sync(struct delayed_work *dwork);
#define INIT_DELAYED_WORK(d, f) INIT_WORK(&(d)->work, (f))
void flush_workqueue(struct workqueue_struct *wq);

typedef int irqreturn_t;
#define IRQ_HANDLED 1
typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);
int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			 unsigned long flags, const char *name, void *dev);
static inline int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
			      const char *name, void *dev)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev);
}
const void *free_irq(unsigned int irq, void *dev_id);

struct attribute { const char *name; };
struct attribute_group { const char *name; struct attribute **attrs; };
struct kobject { const char *name; };
struct kobj_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr, char *buf);
	ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, unsigned long count);
};
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);

#endif
