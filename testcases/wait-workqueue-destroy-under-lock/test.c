#include "waits.h"

/*
 * A mailbox queues its deliveries on a private workqueue; a delivery
 * takes the mailbox spinlock.  Shutdown destroys the workqueue with that
 * lock held: destroy_workqueue() drains every work queued there first.
 *
 * check-name: destroy_workqueue() under a lock a queued work takes
 * check-error-start
test.c:58:9: warning: destroy_workqueue() waits for every work on the workqueue 'struct mailbox::wq' with '&m->lock' held, and its callback mailbox_deliver() acquires 'struct mailbox::lock': deadlock [lockscope/wait-under-lock]
test.c:56: note: '&m->lock' (struct mailbox::lock) acquired here
test.c:42: note: mailbox_deliver() is bound to 'struct mailbox::deliver' here, a work queued on 'struct mailbox::wq'
test.c:32:9: note: mailbox_deliver() acquires '&container_of(work, -16)->lock' here
test.c:56: note: scenario: CPU0: lock(&m->lock) in mailbox_shutdown()
test.c:42: note: scenario: CPU1: mailbox_deliver() starts, lock(struct mailbox::lock) waits for CPU0
test.c:58: note: scenario: CPU0: waits for mailbox_deliver() on CPU1 to finish: deadlock
test.c:58:9: note: the same bug, also: destroy_workqueue() may sleep and is called with '&m->lock' held: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:58:9: note: mailbox_shutdown() calls destroy_workqueue(), which may sleep
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
	destroy_workqueue(m->wq);
	spin_unlock_bh(&m->lock);
}
