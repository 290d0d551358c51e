#include "kernel.h"

struct dev { spinlock_t lock; int n; };

void dev_poke(struct dev *d)
{
	spin_lock(&d->lock);
	d->n++;
	spin_unlock(&d->lock);
}

void dev_caller(struct dev *d)
{
	spin_lock(&d->lock);
	dev_poke(d);
	spin_unlock(&d->lock);
}

/*
 * The report keeps a call's column in 16 bits: a column past 65535 (a
 * line that long comes only out of a macro) is shown as 65535, not
 * wrapped round to a small one.  The facts are edited to put the call
 * at column 70000.
 *
 * check-name: lockscope report: a call's column past 65535 saturates
 * check-command: lockscope -I../include --no-sparse-warnings test.c && sed -i 's/^C\t2\t15\t9\t/C\t2\t15\t70000\t/' "$FACTS/test.c.facts" && lockscope report
 * check-error-start
test.c:15:65535: error: dev_poke() is called with '&d->lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:14: note: '&d->lock' (struct dev::lock) acquired here
test.c:15:65535: note: dev_caller() calls dev_poke()
test.c:7:9: note: dev_poke() acquires '&d->lock' here
 * check-error-end
 */
