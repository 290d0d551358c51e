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

struct uart_port {
	rwlock_t lock;
	int tx_head;
	int stopped;
};

/* The rwlock flavour, as in the leaking twin, restored on both exits. */
static int uart_port_head(struct uart_port *p)
{
	unsigned long flags;
	int head;

	read_lock_irqsave(&p->lock, flags);
	if (p->stopped) {
		p->tx_head = 0;
		read_unlock_irqrestore(&p->lock, flags);
		return -EIO;
	}
	head = p->tx_head;
	read_unlock_irqrestore(&p->lock, flags);
	return head;
}

/*
 * check-name: spin_lock_irqsave() and read_lock_irqsave() with early exits that restore
 */
