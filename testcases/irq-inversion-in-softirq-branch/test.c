#include "irqctx.h"

/*
 * page_pool's producer lock: a plain spin_lock() when in_softirq() says
 * softirqs are already off, spin_lock_bh() otherwise.  in_softirq() is a
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
	if (in_softirq()) {
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
 * check-name: a plain spin_lock() under in_softirq() (page_pool's producer lock): silent
 */
