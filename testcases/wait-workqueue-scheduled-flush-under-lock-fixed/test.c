#include "waits.h"

/*
 * A link watcher schedules its work on the system workqueue; the work
 * takes the watcher's mutex.  Stopping flushes every scheduled work only
 * after it has dropped that mutex: fixed.
 *
 * check-name: flush_scheduled_work() after dropping a mutex a scheduled work takes
 * check-error-start
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
	mutex_unlock(&w->lock);
	flush_scheduled_work();
}
