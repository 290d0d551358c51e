/*
 * An interrupt line masked at the controller, in the shape 6.1 has:
 * disable_irq() waits for a running handler, disable_irq_nosync() does
 * not, enable_irq() unmasks.  In between the line's handler cannot run.
 */
#ifndef TEST_IRQLINE_H
#define TEST_IRQLINE_H

void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);

#endif
