#include "irqctx.h"

/*
 * A softirq handler of its own (net_tx_action()'s shape), and a process-
 * context flush that runs the queue with softirqs on: the timer may come.
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

void txq_flush(void)
{
	txq_run(&the_txq);
}

/*
 * check-name: a lock taken below an open_softirq() handler and from process context, against a timer
 * check-error-start
test.c:22:9: warning: '&q->xmit_lock' (struct txq::xmit_lock) is acquired in softirq context and here with softirqs enabled: deadlock if the interrupt comes while it is held [lockscope/irq-inversion]
test.c:32: note: tx_action() runs in softirq context (bound to struct softirq_action::action)
test.c:34:9: note: tx_action() calls txq_run()
test.c:29:9: note: txq_run() calls txq_direct_xmit()
test.c:22:9: note: txq_direct_xmit() acquires '&q->xmit_lock' here
test.c:29:9: note: txq_run() calls txq_direct_xmit() with softirqs enabled
test.c:22: note: scenario: CPU0: lock(struct txq::xmit_lock) in txq_direct_xmit() with softirqs enabled
test.c:22: note: scenario: CPU0: <softirq> lock(struct txq::xmit_lock) in txq_direct_xmit(): deadlock
 * check-error-end
 */
