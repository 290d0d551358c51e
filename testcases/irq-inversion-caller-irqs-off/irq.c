#include "irqctx.h"

struct uart {
	spinlock_t lock;		/* the FIFO */
	spinlock_t cfg_lock;
	unsigned int irq, fifo, baud;
};

irqreturn_t uart_irq(int irq, void *data)
{
	struct uart *u = data;

	spin_lock(&u->lock);
	u->fifo = 0;
	spin_unlock(&u->lock);
	return IRQ_HANDLED;
}

int uart_probe(struct uart *u)
{
	return request_irq(u->irq, uart_irq, 0, "uart", u);
}
