#include "waits.h"

/*
 * The interrupt handler acks events under the board's spinlock; the
 * shutdown path frees the IRQ with that lock held.  free_irq() waits for
 * a running handler, which spins on the lock.
 *
 * check-name: free_irq() under the lock its handler takes
 * check-error-start
test.c:44:9: warning: free_irq() waits for the handlers of the IRQ 'b->irq' with '&b->lock' held, and its callback board_interrupt() acquires 'struct board::lock': deadlock [lockscope/wait-under-lock]
test.c:42: note: '&b->lock' (struct board::lock) acquired here
test.c:37: note: board_interrupt() is requested as a handler of the IRQ 'struct board::irq' here
test.c:29:9: note: board_interrupt() acquires '&dev_id->lock' here
test.c:42: note: scenario: CPU0: lock(&b->lock) in board_shutdown()
test.c:37: note: scenario: CPU1: board_interrupt() starts, lock(struct board::lock) waits for CPU0
test.c:44: note: scenario: CPU0: waits for board_interrupt() on CPU1 to finish: deadlock
 * check-error-end
 */
struct board {
	spinlock_t lock;
	unsigned int irq;
	unsigned long events;
};

static irqreturn_t board_interrupt(int irq, void *dev_id)
{
	struct board *b = dev_id;

	spin_lock(&b->lock);
	b->events++;
	spin_unlock(&b->lock);
	return IRQ_HANDLED;
}

int board_probe(struct board *b)
{
	return request_irq(b->irq, board_interrupt, 0, "board", b);
}

void board_shutdown(struct board *b)
{
	spin_lock_irq(&b->lock);
	b->events = 0;
	free_irq(b->irq, b);
	spin_unlock_irq(&b->lock);
}
