#include "kernel.h"
#include "chan.h"

/* The documented order, twice: the channel, then its statistics. */
void chan_account(struct chan *c)
{
	mutex_lock(&c->lock);
	mutex_lock(&c->st->lock);
	c->st->n++;
	mutex_unlock(&c->st->lock);
	mutex_unlock(&c->lock);
}

void chan_reset(struct chan *c)
{
	mutex_lock(&c->lock);
	c->pending = 0;
	mutex_lock(&c->st->lock);
	c->st->n = 0;
	mutex_unlock(&c->st->lock);
	mutex_unlock(&c->lock);
}
