#include "waits.h"

/*
 * A touch controller reads its FIFO in a threaded handler under the
 * controller's mutex.  Suspend holds that mutex while it disables the
 * IRQ: disable_irq() waits for a running handler, threaded ones too, and
 * the thread waits for the mutex.  disable_irq_nosync() does not wait.
 *
 * check-name: disable_irq() under the mutex its threaded handler takes
 * check-error-start
test.c:47:9: warning: disable_irq() waits for the handlers of the IRQ 't->irq' with '&t->lock' held, and its callback touch_thread() acquires 'struct touch::lock': deadlock [lockscope/wait-under-lock]
test.c:45: note: '&t->lock' (struct touch::lock) acquired here
test.c:39: note: touch_thread() is requested as a handler of the IRQ 'struct touch::irq' here
test.c:31:9: note: touch_thread() acquires '&data->lock' here
test.c:45: note: scenario: CPU0: lock(&t->lock) in touch_suspend()
test.c:39: note: scenario: CPU1: touch_thread() starts, lock(struct touch::lock) waits for CPU0
test.c:47: note: scenario: CPU0: waits for touch_thread() on CPU1 to finish: deadlock
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
	disable_irq(t->irq);
	mutex_unlock(&t->lock);
}

void touch_quiesce(struct touch *t)
{
	mutex_lock(&t->lock);
	disable_irq_nosync(t->irq);
	t->suspended = 1;
	mutex_unlock(&t->lock);
}
