#include "irqctx.h"

/*
 * page_pool's producer lock with the test the wrong way round: a plain
 * spin_lock() where in_softirq() says softirqs are on.  in_softirq() is a
 * mask of the per-CPU preempt count, read with inline assembly on x86.
 */
extern int __preempt_count;

static inline int preempt_count(void)
{
	int v;

	asm volatile("movl %%gs:%1, %0" : "=r" (v) : "m" (__preempt_count));
	return v & 0x7fffffff;
}

#define in_softirq()	(preempt_count() & 0xff00)

struct pool {
	spinlock_t producer_lock;
	struct timer_list release_timer;
	unsigned int count;
};

static void pool_put(struct pool *p)
{
	if (!in_softirq()) {
		spin_lock(&p->producer_lock);
		p->count++;
		spin_unlock(&p->producer_lock);
	} else {
		spin_lock_bh(&p->producer_lock);
		p->count++;
		spin_unlock_bh(&p->producer_lock);
	}
}

static void pool_release_timer(struct timer_list *t)
{
	struct pool *p = from_timer(p, t, release_timer);

	pool_put(p);
}

void pool_init(struct pool *p)
{
	timer_setup(&p->release_timer, pool_release_timer, 0);
}

void pool_recycle(struct pool *p)
{
	pool_put(p);
}

/*
 * check-name: a plain spin_lock() under !in_softirq(): softirqs may be on
 * check-error-start
test.c:29:17: warning: '&p->producer_lock' (struct pool::producer_lock) is acquired in softirq context and here with softirqs enabled: deadlock if the interrupt comes while it is held [lockscope/irq-inversion]
test.c:39: note: pool_release_timer() runs in softirq context (bound to struct timer_list::function)
test.c:43:9: note: pool_release_timer() calls pool_put()
test.c:29:17: note: pool_put() acquires '&p->producer_lock' here
test.c:53:9: note: pool_recycle() calls pool_put() with softirqs enabled
test.c:29: note: scenario: CPU0: lock(struct pool::producer_lock) in pool_put() with softirqs enabled
test.c:29: note: scenario: CPU0: <softirq> lock(struct pool::producer_lock) in pool_put(): deadlock
 * check-error-end
 */
