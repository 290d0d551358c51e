#include "waits.h"

/*
 * A touch controller reads its FIFO in a threaded handler under the
 * controller's mutex.  Suspend disables the IRQ, waiting for a running
 * handler, only after it has dropped that mutex: fixed.
 *
 * check-name: disable_irq() after dropping the mutex its threaded handler takes
 * check-error-start
 * check-error-end
 */
struct touch {
	struct device *dev;
	int irq;
	struct mutex lock;
	int suspended, samples;
};

static irqreturn_t touch_thread(int irq, void *data)
{
	struct touch *t = data;

	mutex_lock(&t->lock);
	t->samples++;
	mutex_unlock(&t->lock);
	return IRQ_HANDLED;
}

int touch_probe(struct touch *t)
{
	return devm_request_threaded_irq(t->dev, t->irq, NULL, touch_thread, 0,
					 "touch", t);
}

void touch_suspend(struct touch *t)
{
	mutex_lock(&t->lock);
	t->suspended = 1;
	mutex_unlock(&t->lock);
	disable_irq(t->irq);
}
