/*
 * What the wait tests need beyond driver.h: works flushed, IRQs, sysfs
 * groups, kobjects, 6.1-shaped (request_irq() and devm_request_irq() are
 * inlines around the threaded requests, timer_setup() a macro around
 * init_timer_key(), schedule_work() an inline queueing on system_wq).
 */
#ifndef TEST_WAITS_H
#define TEST_WAITS_H

#include "driver.h"

bool flush_work(struct work_struct *work);
struct delayed_work { struct work_struct work; struct timer_list timer; };
bool cancel_delayed_work_sync(struct delayed_work *dwork);
#define INIT_DELAYED_WORK(d, f) INIT_WORK(&(d)->work, (f))
void flush_workqueue(struct workqueue_struct *wq);
extern struct workqueue_struct *system_wq;
static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}
void __flush_workqueue(struct workqueue_struct *wq);
#define flush_scheduled_work() __flush_workqueue(system_wq)

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
void synchronize_irq(unsigned int irq);
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
int devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
			      irq_handler_t thread_fn, unsigned long flags,
			      const char *name, void *dev_id);
static inline int devm_request_irq(struct device *dev, unsigned int irq,
				   irq_handler_t handler, unsigned long flags,
				   const char *name, void *dev_id)
{
	return devm_request_threaded_irq(dev, irq, handler, NULL, flags, name, dev_id);
}

struct attribute { const char *name; };
struct attribute_group { const char *name; struct attribute **attrs; };
struct kobject { const char *name; };
void kobject_del(struct kobject *kobj);
void kobject_put(struct kobject *kobj);
struct kobject *kobject_create_and_add(const char *name, struct kobject *parent);
int device_register(struct device *dev);
void device_unregister(struct device *dev);
struct kobj_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr, char *buf);
	ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, unsigned long count);
};
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
void synchronize_net(void);

#endif
