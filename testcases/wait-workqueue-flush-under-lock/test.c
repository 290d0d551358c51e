#include "waits.h"

/*
 * Events are handled by a work queued on the driver's own workqueue and
 * the handler takes the event mutex; reconfiguring flushes the workqueue
 * under that mutex.  The flush waits for every work queued there.  The
 * poll work on the same queue takes another lock, which is fine.
 *
 * check-name: flush_workqueue() under a mutex one of its works takes
 * check-error-start
test.c:61:9: warning: flush_workqueue() waits for every work on the workqueue 'struct ctrl::wq' with '&c->event_lock' held, and its callback ctrl_event() acquires 'struct ctrl::event_lock': deadlock [lockscope/wait-under-lock]
test.c:60: note: '&c->event_lock' (struct ctrl::event_lock) acquired here
test.c:48: note: ctrl_event() is bound to 'struct ctrl::event_work' here, a work queued on 'struct ctrl::wq'
test.c:32:9: note: ctrl_event() acquires '&container_of(work, -24)->event_lock' here
test.c:60: note: scenario: CPU0: lock(&c->event_lock) in ctrl_reconfigure()
test.c:48: note: scenario: CPU1: ctrl_event() starts, lock(struct ctrl::event_lock) waits for CPU0
test.c:61: note: scenario: CPU0: waits for ctrl_event() on CPU1 to finish: deadlock
 * check-error-end
 */
struct ctrl {
	struct mutex event_lock;
	spinlock_t poll_lock;
	struct workqueue_struct *wq;
	struct work_struct event_work, poll_work;
	int pending, polled;
};

static void ctrl_event(struct work_struct *work)
{
	struct ctrl *c = container_of(work, struct ctrl, event_work);

	mutex_lock(&c->event_lock);
	c->pending = 0;
	mutex_unlock(&c->event_lock);
}

static void ctrl_poll(struct work_struct *work)
{
	struct ctrl *c = container_of(work, struct ctrl, poll_work);

	spin_lock(&c->poll_lock);
	c->polled++;
	spin_unlock(&c->poll_lock);
}

void ctrl_init(struct ctrl *c)
{
	INIT_WORK(&c->event_work, ctrl_event);
	INIT_WORK(&c->poll_work, ctrl_poll);
}

void ctrl_kick(struct ctrl *c)
{
	queue_work(c->wq, &c->event_work);
	queue_work(c->wq, &c->poll_work);
}

void ctrl_reconfigure(struct ctrl *c)
{
	mutex_lock(&c->event_lock);
	flush_workqueue(c->wq);
	c->pending = 0;
	mutex_unlock(&c->event_lock);
}

void ctrl_poll_stop(struct ctrl *c)
{
	spin_lock(&c->poll_lock);
	c->polled = 0;
	spin_unlock(&c->poll_lock);
	flush_workqueue(c->wq);
}
