#include "kernel.h"

struct pool { struct mutex lock; int free; };
struct chan { struct mutex lock; struct pool *p; int busy; };

/* The documented order, twice: the channel, then its pool. */
void chan_get(struct chan *c)
{
	mutex_lock(&c->lock);
	mutex_lock(&c->p->lock);
	c->p->free--;
	mutex_unlock(&c->p->lock);
	c->busy = 1;
	mutex_unlock(&c->lock);
}

void chan_put(struct chan *c)
{
	mutex_lock(&c->lock);
	c->busy = 0;
	mutex_lock(&c->p->lock);
	c->p->free++;
	mutex_unlock(&c->p->lock);
	mutex_unlock(&c->lock);
}

/*
 * The minority order, hand over hand: the channel's lock is taken under
 * the pool's and kept after the pool's is dropped.  The sections are not
 * nested, so moving the channel's acquisition before the pool's would
 * also move its release; that is not mechanical, and no patch is made.
 */
void pool_handoff(struct pool *p, struct chan *c)
{
	mutex_lock(&p->lock);
	p->free--;
	mutex_lock(&c->lock);
	mutex_unlock(&p->lock);
	c->busy = 1;
	mutex_unlock(&c->lock);
}

/*
 * check-name: lockscope fix: a lock-order minority site whose sections cross (hand over hand) gets no patch, and says why
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p; ls $FACTS.p
 * check-exit-value: 0
 * check-error-start
lockscope fix: 8bd3823113ca2c49 (lock-order): no patch: pool_handoff() releases '&c->lock' after '&p->lock': the sections are not nested, so moving the acquisition would move the release
 * check-error-end
 */
