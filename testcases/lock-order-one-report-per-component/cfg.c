#include "kernel.h"
#include "sys.h"

/* cfg -> dev and cfg -> irq */
void sys_configure(struct sys *s)
{
	mutex_lock(&s->cfg_lock);
	mutex_lock(&s->dev_lock);
	s->n++;
	mutex_unlock(&s->dev_lock);
	mutex_lock(&s->irq_lock);
	s->n++;
	mutex_unlock(&s->irq_lock);
	mutex_unlock(&s->cfg_lock);
}
