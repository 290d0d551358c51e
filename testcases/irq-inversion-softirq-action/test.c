#include "irqctx.h"

/*
 * A softirq handler of its own (net_tx_action()'s shape): what it calls
 * runs with softirqs off, like the timer that takes the same lock.
 */
struct softirq_action {
	void (*action)(struct softirq_action *h);
};
void open_softirq(int nr, void (*action)(struct softirq_action *h));

struct txq {
	spinlock_t xmit_lock;
	struct timer_list watchdog;
	unsigned int frozen, sent;
};

static struct txq the_txq;

static void txq_direct_xmit(struct txq *q)
{
	spin_lock(&q->xmit_lock);
	q->sent++;
	spin_unlock(&q->xmit_lock);
}

static void txq_run(struct txq *q)
{
	txq_direct_xmit(q);
}

static void tx_action(struct softirq_action *h)
{
	txq_run(&the_txq);
}

static void txq_watchdog(struct timer_list *t)
{
	struct txq *q = from_timer(q, t, watchdog);

	spin_lock(&q->xmit_lock);
	q->frozen = 1;
	spin_unlock(&q->xmit_lock);
}

void txq_init(void)
{
	timer_setup(&the_txq.watchdog, txq_watchdog, 0);
	open_softirq(2, tx_action);
}

/*
 * check-name: a lock taken below an open_softirq() handler and in a timer: silent
 */
