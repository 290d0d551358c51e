#include "kernel.h"

struct a { struct mutex lock; int n; };
struct b { struct mutex lock; int n; };

/*
 * Each order is taken once: no order is the dominant one, so there is
 * nothing mechanical to propose; lockscope fix says so and writes nothing.
 */
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

/*
 * check-name: lockscope fix: a lock-order cycle taken once in each order gets no patch, and says why
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p; ls $FACTS.p
 * check-exit-value: 0
 * check-error-start
lockscope fix: 1410e2c6c1c6927c (lock-order): no patch: no dominant order: 'struct a::lock' and 'struct b::lock' are taken in each order at 1 site
 * check-error-end
 */
