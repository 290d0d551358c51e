#include "kernel.h"

struct a { struct mutex lock; int n; };
struct b { struct mutex lock; int n; };
struct c { struct mutex lock; int n; };
struct d { struct mutex lock; int n; };

/* a and b: each order once, no dominant one. */
void ab(struct a *a, struct b *b)
{
	mutex_lock(&a->lock);
	mutex_lock(&b->lock);
	a->n = b->n;
	mutex_unlock(&b->lock);
	mutex_unlock(&a->lock);
}

void ba(struct a *a, struct b *b)
{
	mutex_lock(&b->lock);
	mutex_lock(&a->lock);
	b->n = a->n;
	mutex_unlock(&a->lock);
	mutex_unlock(&b->lock);
}

/* c then d twice, d then c once: dc() is the one to reorder. */
void cd_read(struct c *c, struct d *d)
{
	mutex_lock(&c->lock);
	mutex_lock(&d->lock);
	c->n = d->n;
	mutex_unlock(&d->lock);
	mutex_unlock(&c->lock);
}

void cd_write(struct c *c, struct d *d)
{
	mutex_lock(&c->lock);
	mutex_lock(&d->lock);
	d->n = c->n;
	mutex_unlock(&d->lock);
	mutex_unlock(&c->lock);
}

void dc(struct c *c, struct d *d)
{
	mutex_lock(&d->lock);
	mutex_lock(&c->lock);
	d->n++;
	mutex_unlock(&c->lock);
	mutex_unlock(&d->lock);
}

/*
 * check-name: lockscope fix: two lock-order findings in one tree each get their own site counts
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p' $FACTS.p/*.patch
 * check-output-start
lockscope fix: 1410e2c6c1c6927c (lock-order): no patch: no dominant order: 'struct a::lock' and 'struct b::lock' are taken in each order at 1 site
lockscope fix: 4eee46cb11956c4d (lock-order): wrote lock-order-4eee46cb11956c4d.patch
Subject: [PATCH] test: fix lock order in dc(): take c->lock before d->lock
 * check-output-end
 */
