/*
 * Interrupt contexts in the shape 6.1 has after preprocessing, for the
 * irq-inversion and sleep-in-atomic tests: request_irq() and
 * timer_setup() end up as calls of request_threaded_irq() and
 * init_timer_key(), local_irq_save() as x86's arch_local_irq_save()
 * inline, mdelay() as a busy wait.
 */
#ifndef TEST_IRQCTX_H
#define TEST_IRQCTX_H

#include "netdevice.h"

typedef int irqreturn_t;
#define IRQ_HANDLED	1
typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);
int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev);
static inline int request_irq(unsigned int irq, irq_handler_t handler,
			      unsigned long flags, const char *name, void *dev)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev);
}

struct timer_list {
	unsigned long expires;
	void (*function)(struct timer_list *timer);
	unsigned int flags;
};
void init_timer_key(struct timer_list *timer,
		    void (*func)(struct timer_list *timer), unsigned int flags,
		    const char *name, void *key);
#define timer_setup(timer, callback, flags) \
	init_timer_key(timer, callback, flags, NULL, NULL)
int mod_timer(struct timer_list *timer, unsigned long expires);
#define from_timer(var, timer, field) container_of(timer, typeof(*var), field)

void _raw_read_lock_irq(rwlock_t *lock) __acquires(lock);
void _raw_read_unlock_irq(rwlock_t *lock) __releases(lock);
void _raw_write_lock_irq(rwlock_t *lock) __acquires(lock);
void _raw_write_unlock_irq(rwlock_t *lock) __releases(lock);
#define read_lock_irq(lock)	_raw_read_lock_irq(lock)
#define read_unlock_irq(lock)	_raw_read_unlock_irq(lock)
#define write_lock_irq(lock)	_raw_write_lock_irq(lock)
#define write_unlock_irq(lock)	_raw_write_unlock_irq(lock)

static inline unsigned long arch_local_irq_save(void)
{
	return 0;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
}

#define local_irq_save(flags)		do { flags = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags)	arch_local_irq_restore(flags)

void __const_udelay(unsigned long xloops);
#define mdelay(n)	__const_udelay((n) * 0x10c7ul)

struct net_device_ops {
	int (*ndo_open)(struct net_device *dev);
	void (*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
};

#endif
