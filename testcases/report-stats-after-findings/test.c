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
	mutex_lock(&q->lock);
	mutex_lock(&q->pool->lock);
	q->pool->free = q->len;
	mutex_unlock(&q->pool->lock);
	mutex_unlock(&q->lock);
}

/*
 * The text findings go to stderr through a buffered stream of their own:
 * all of them, whole, and before the --stats line that ends the report.
 *
 * check-name: lockscope report: text findings whole on stderr, the --stats line after them
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope report --jobs=2 --stats 2>&1 | grep -v "^lockscope report: .* s (CPU\|^lockscope report: [a-z]" | sed 's/[0-9]\{1,\}/N/g' >&2
 * check-error-start
test.c:N:N: warning: possible circular locking dependency: 'struct pool::lock' -> 'struct queue::lock' -> 'struct pool::lock' [lockscope/lock-order]
test.c:N: note: pool_shrink() holds '&p->lock' (struct pool::lock) from here
test.c:N:N: note: ... and acquires '&p->q->lock' (struct queue::lock) here
test.c:N: note: queue_drain() holds '&q->lock' (struct queue::lock) from here
test.c:N:N: note: ... and acquires '&q->pool->lock' (struct pool::lock) here
test.c:N: note: scenario: CPUN: lock(&p->lock) in pool_shrink()
test.c:N: note: scenario: CPUN: lock(&q->lock) in queue_drain()
test.c:N: note: scenario: CPUN: lock(&p->q->lock) waits for CPUN: deadlock
test.c:N: note: scenario: CPUN: lock(&q->pool->lock) waits for CPUN: deadlock
lockscope report: N facts files (N skipped), N functions, N findings
 * check-error-end
 */
