#include "irqctx.h"

struct uart {
	spinlock_t lock;
	spinlock_t cfg_lock;
	unsigned int irq, fifo, baud;
};

/* Plain spin_lock(): one caller has hard irqs on. */
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
	uart_flush_fifo(u);
}

/*
 * check-name: lock of a hard-irq handler taken in a helper that one caller calls with irqs on
 * check-error-start
test.c:12:9: warning: '&u->lock' (struct uart::lock) is acquired in hard-irq context and here with hard irqs enabled: deadlock if the interrupt comes while it is held [lockscope/irq-inversion]
irq.c:9: note: uart_irq() runs in hard-irq context (bound to struct irqaction::handler)
irq.c:13:9: note: uart_irq() acquires '&data->lock' here
test.c:29:9: note: uart_shutdown() calls uart_flush_fifo() with hard irqs enabled
test.c:12: note: scenario: CPU0: lock(struct uart::lock) in uart_flush_fifo() with hard irqs enabled
irq.c:13: note: scenario: CPU0: <hard-irq> lock(struct uart::lock) in uart_irq(): deadlock
 * check-error-end
 */
