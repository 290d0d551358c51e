#include "addr.h"

/* A lifetime refresh: event 0 under the lock cannot reach the mutex. */
void addr_refresh(struct addr_dev *dev)
{
	read_lock_bh(&dev->lock);
	addr_notify(0, dev);
	read_unlock_bh(&dev->lock);
}

/* A deletion announced under the lock does reach it. */
void addr_delete(struct addr_dev *dev)
{
	read_lock_bh(&dev->lock);
	addr_notify(ADDR_DEL, dev);
	read_unlock_bh(&dev->lock);
}

/*
 * check-name: a constant event argument that cannot reach the sleeping case is not a sleep
 * check-error-start
test.c:15:9: warning: addr_notify() may sleep (a mutex) and is called with '&dev->lock' held: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:14: note: '&dev->lock' (struct addr_dev::lock) acquired here
test.c:15:9: note: addr_delete() calls addr_notify()
notify.c:15:17: note: addr_notify() calls group_leave()
notify.c:5:9: note: group_leave() acquires '&dev->group_lock' (a mutex), which sleeps
 * check-error-end
 */
