#include "kernel.h"
#include "sys.h"

/* dev -> cfg */
void sys_dev_reset(struct sys *s)
{
	mutex_lock(&s->dev_lock);
	mutex_lock(&s->cfg_lock);
	s->n = 0;
	mutex_unlock(&s->cfg_lock);
	mutex_unlock(&s->dev_lock);
}

/* irq -> cfg */
void sys_irq_reset(struct sys *s)
{
	mutex_lock(&s->irq_lock);
	mutex_lock(&s->cfg_lock);
	s->n = 0;
	mutex_unlock(&s->cfg_lock);
	mutex_unlock(&s->irq_lock);
}
