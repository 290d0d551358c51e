#include "kernel.h"

struct uart {
	spinlock_t lock;
	int tx_head;
	int tx_tail;
	int stopped;
};

/*
 * irqsave/irqrestore pairs with an early exit that restores: flags is a
 * plain variable written by the macro, not a lock.
 */
static int uart_tx_room(struct uart *u)
{
	unsigned long flags;
	int room;

	spin_lock_irqsave(&u->lock, flags);
	if (u->stopped) {
		spin_unlock_irqrestore(&u->lock, flags);
		return 0;
	}
	room = u->tx_tail - u->tx_head;
	spin_unlock_irqrestore(&u->lock, flags);
	return room;
}

/*
 * check-name: spin_lock_irqsave() with an early exit that restores
 */
