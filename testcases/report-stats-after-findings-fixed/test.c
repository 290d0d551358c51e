#include "kernel.h"

struct pool { struct mutex lock; struct queue *q; int free; };
struct queue { struct mutex lock; struct pool *pool; int len; };

void pool_shrink(struct pool *p)
{
	mutex_lock(&p->lock);
	mutex_lock(&p->q->lock);
	p->q->len = p->free;
	mutex_unlock(&p->q->lock);
	mutex_unlock(&p->lock);
}

void queue_drain(struct queue *q)
{
	mutex_lock(&q->pool->lock);
	mutex_lock(&q->lock);
	q->pool->free = q->len;
	mutex_unlock(&q->lock);
	mutex_unlock(&q->pool->lock);
}

/*
 * Fixed: both take the pool's lock first.  No finding; the --stats line
 * still ends the report.
 *
 * check-name: lockscope report: no findings, the --stats line alone
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope report --jobs=2 --stats 2>&1 | grep -v "^lockscope report: .* s (CPU\|^lockscope report: [a-z]" | sed 's/[0-9]\{1,\}/N/g' >&2
 * check-error-start
lockscope report: N facts files (N skipped), N functions, N findings
 * check-error-end
 */
