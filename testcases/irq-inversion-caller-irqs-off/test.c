#include "irqctx.h"

struct uart {
	spinlock_t lock;
	spinlock_t cfg_lock;
	unsigned int irq, fifo, baud;
};

/* Plain spin_lock(): every caller has hard irqs off already. */
static void uart_flush_fifo(struct uart *u)
{
	spin_lock(&u->lock);
	u->fifo = 0;
	spin_unlock(&u->lock);
}

void uart_set_baud(struct uart *u, unsigned int baud)
{
	unsigned long flags;

	spin_lock_irqsave(&u->cfg_lock, flags);
	u->baud = baud;
	uart_flush_fifo(u);
	spin_unlock_irqrestore(&u->cfg_lock, flags);
}

void uart_shutdown(struct uart *u)
{
	unsigned long flags;

	local_irq_save(flags);
	uart_flush_fifo(u);
	local_irq_restore(flags);
}

/*
 * check-name: lock of a hard-irq handler taken where the callers disabled irqs: silent
 */
