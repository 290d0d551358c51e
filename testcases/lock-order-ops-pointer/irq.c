#include "kernel.h"
#include "port.h"

/* hw -> port: the interrupt handler holds the hardware lock, then the port's. */
void serial8250_handle_irq(struct uart_hw *hw)
{
	spin_lock(&hw->lock);
	spin_lock(&hw->port->lock);
	hw->port->pending = 0;
	spin_unlock(&hw->port->lock);
	spin_unlock(&hw->lock);
}
