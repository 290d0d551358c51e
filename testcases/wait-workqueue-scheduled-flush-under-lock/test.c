#include "waits.h"

/*
 * A link watcher schedules its work on the system workqueue; the work
 * takes the watcher's mutex.  Stopping flushes every scheduled work with
 * that mutex held: flush_scheduled_work() waits for the watcher's work,
 * which waits for the mutex.
 *
 * check-name: flush_scheduled_work() under a mutex a scheduled work takes
 * check-error-start
test.c:49:9: warning: __flush_workqueue() waits for every work on the workqueue 'system_wq' with '&w->lock' held, and its callback watcher_work() acquires 'struct watcher::lock': deadlock [lockscope/wait-under-lock]
test.c:47: note: '&w->lock' (struct watcher::lock) acquired here
test.c:37: note: watcher_work() is bound to 'struct watcher::work' here, a work queued on 'system_wq'
test.c:30:9: note: watcher_work() acquires '&container_of(work, -8)->lock' here
test.c:47: note: scenario: CPU0: lock(&w->lock) in watcher_stop()
test.c:37: note: scenario: CPU1: watcher_work() starts, lock(struct watcher::lock) waits for CPU0
test.c:49: note: scenario: CPU0: waits for watcher_work() on CPU1 to finish: deadlock
 * check-error-end
 */
struct watcher {
	struct mutex lock;
	struct work_struct work;
	int changes, stopped;
};

static void watcher_work(struct work_struct *work)
{
	struct watcher *w = container_of(work, struct watcher, work);

	mutex_lock(&w->lock);
	w->changes++;
	mutex_unlock(&w->lock);
}

void watcher_init(struct watcher *w)
{
	INIT_WORK(&w->work, watcher_work);
}

void watcher_event(struct watcher *w)
{
	schedule_work(&w->work);
}

void watcher_stop(struct watcher *w)
{
	mutex_lock(&w->lock);
	w->stopped = 1;
	flush_scheduled_work();
	mutex_unlock(&w->lock);
}
