#include "kernel.h"

struct job {
	struct list_head node;
	int id;
};

struct queue {
	spinlock_t lock;
	struct list_head jobs;
};

/* Every walk of the queue is under its lock: plain insertion is fine. */
void queue_add(struct queue *q, struct job *j)
{
	spin_lock(&q->lock);
	list_add_tail(&j->node, &q->jobs);
	spin_unlock(&q->lock);
}

struct job *queue_find(struct queue *q, int id)
{
	struct job *j, *found = NULL;

	spin_lock(&q->lock);
	list_for_each_entry(j, &q->jobs, node)
		if (j->id == id)
			found = j;
	spin_unlock(&q->lock);
	return found;
}

/* list_empty() reads ->next with READ_ONCE(), but never walks. */
int queue_idle(struct queue *q)
{
	int idle;

	rcu_read_lock();
	idle = list_empty(&q->jobs);
	rcu_read_unlock();
	return idle;
}

/* list_first_entry_or_null() reads ->next with READ_ONCE() too. */
struct job *queue_peek(struct queue *q)
{
	struct job *j;

	rcu_read_lock();
	j = list_first_entry_or_null(&q->jobs, struct job, node);
	rcu_read_unlock();
	return j;
}

/*
 * check-name: plain list_add_tail() into a list walked only under its lock
 */
