#include "waits.h"

/*
 * The handler of the board's IRQ line takes the event lock.  Reconfigure
 * waits for the handler with the config lock held (config -> the line
 * -> event), and the event path takes the config lock inside the event
 * lock (event -> config): a cycle through the wait, though no single
 * wait is under a lock its handler takes.
 *
 * check-name: a lock-order cycle through synchronize_irq()
 * check-error-start
test.c:55:9: warning: synchronize_irq() may sleep and is called with '&b->config_lock' held: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:53: note: '&b->config_lock' (struct board::config_lock) acquired here
test.c:55:9: note: board_reconfigure() calls synchronize_irq(), which may sleep
test.c:62:9: warning: possible circular locking dependency through a wait for a callback: '(irqline) struct board::irq in .' -> 'struct board::event_lock' -> 'struct board::config_lock' -> '(irqline) struct board::irq in .' [lockscope/lock-order]
test.c:48: note: board_irq() runs as a callback of 'struct board::irq' (bound here): a wait for it waits for what it takes
test.c:40:9: note: board_irq() acquires '&data->event_lock' here
test.c:61: note: board_event() holds '&b->event_lock' (struct board::event_lock) from here
test.c:62:9: note: ... and acquires '&b->config_lock' (struct board::config_lock) here
test.c:53: note: board_reconfigure() holds '&b->config_lock' (struct board::config_lock) from here
test.c:55:9: note: ... and waits for 'b->irq' ((irqline) struct board::irq in .) here
test.c:48: note: scenario: CPU0: board_irq() runs for 'struct board::irq'
test.c:61: note: scenario: CPU1: lock(&b->event_lock) in board_event()
test.c:53: note: scenario: CPU2: lock(&b->config_lock) in board_reconfigure()
test.c:48: note: scenario: CPU0: lock(&data->event_lock) waits for CPU1: deadlock
test.c:62: note: scenario: CPU1: lock(&b->config_lock) waits for CPU2: deadlock
test.c:55: note: scenario: CPU2: wait(b->irq) waits for CPU0: deadlock
 * check-error-end
 */
struct board {
	unsigned int irq;
	spinlock_t config_lock, event_lock;
	int config, events;
};

static irqreturn_t board_irq(int irq, void *data)
{
	struct board *b = data;

	spin_lock(&b->event_lock);
	b->events++;
	spin_unlock(&b->event_lock);
	return IRQ_HANDLED;
}

int board_start(struct board *b)
{
	return request_irq(b->irq, board_irq, 0, "board", b);
}

void board_reconfigure(struct board *b, int config)
{
	spin_lock_irq(&b->config_lock);
	b->config = config;
	synchronize_irq(b->irq);
	spin_unlock_irq(&b->config_lock);
}

void board_event(struct board *b)
{
	spin_lock_irq(&b->event_lock);
	spin_lock(&b->config_lock);
	b->events += b->config;
	spin_unlock(&b->config_lock);
	spin_unlock_irq(&b->event_lock);
}
