#include "waits.h"

/*
 * A mailbox queues its deliveries on a private workqueue; a delivery
 * takes the mailbox spinlock.  Shutdown destroys the workqueue, which
 * drains every work queued there, after it has dropped the lock: fixed.
 *
 * check-name: destroy_workqueue() after dropping a lock a queued work takes
 * check-error-start
 * check-error-end
 */
struct mailbox {
	spinlock_t lock;
	struct workqueue_struct *wq;
	struct work_struct deliver;
	int pending;
};

static void mailbox_deliver(struct work_struct *work)
{
	struct mailbox *m = container_of(work, struct mailbox, deliver);

	spin_lock_bh(&m->lock);
	m->pending = 0;
	spin_unlock_bh(&m->lock);
}

int mailbox_init(struct mailbox *m)
{
	m->wq = alloc_workqueue("mailbox", 0, 0);
	if (!m->wq)
		return -1;
	INIT_WORK(&m->deliver, mailbox_deliver);
	return 0;
}

void mailbox_post(struct mailbox *m)
{
	spin_lock_bh(&m->lock);
	m->pending = 1;
	spin_unlock_bh(&m->lock);
	queue_work(m->wq, &m->deliver);
}

void mailbox_shutdown(struct mailbox *m)
{
	spin_lock_bh(&m->lock);
	m->pending = 0;
	spin_unlock_bh(&m->lock);
	destroy_workqueue(m->wq);
}
