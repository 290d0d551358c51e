#include "kernel.h"
#include "dev.h"

/* Under the lock, each target's event: that target takes it again. */
void dev_up(struct dev *d)
{
	spin_lock(&dev_list_lock);
	dev_notify(d, 1);
	spin_unlock(&dev_list_lock);
}

void dev_change(struct dev *d)
{
	spin_lock(&dev_list_lock);
	dev_notify(d, 2);
	spin_unlock(&dev_list_lock);
}

void dev_down(struct dev *d)
{
	spin_lock(&dev_list_lock);
	dev_notify(d, 3);
	spin_unlock(&dev_list_lock);
}

/* The fixed version: an event for which no target takes the lock. */
void dev_poll(struct dev *d)
{
	spin_lock(&dev_list_lock);
	dev_notify(d, 4);
	spin_unlock(&dev_list_lock);
}

/*
 * check-name: a call through a field whose three targets each take one lock for an event of their own: every event under the lock is reported, another is not
 * check-error-start
test.c:8:9: warning: dev_notify() is called with '&dev_list_lock' held and acquires a lock of the same class: deadlock if it is the same instance [lockscope/callback-under-lock]
test.c:7: note: '&dev_list_lock' (dev_list_lock) acquired here
test.c:8:9: note: dev_up() calls dev_notify()
notify.c:11:17: note: dev_notify() calls eth_notify() through struct dev_ops::notify
targets.c:10:17: note: eth_notify() acquires '&dev_list_lock' here
test.c:15:9: warning: dev_notify() is called with '&dev_list_lock' held and acquires a lock of the same class: deadlock if it is the same instance [lockscope/callback-under-lock]
test.c:14: note: '&dev_list_lock' (dev_list_lock) acquired here
test.c:15:9: note: dev_change() calls dev_notify()
notify.c:11:17: note: dev_notify() calls eth_notify() through struct dev_ops::notify
targets.c:10:17: note: eth_notify() acquires '&dev_list_lock' here
test.c:22:9: warning: dev_notify() is called with '&dev_list_lock' held and acquires a lock of the same class: deadlock if it is the same instance [lockscope/callback-under-lock]
test.c:21: note: '&dev_list_lock' (dev_list_lock) acquired here
test.c:22:9: note: dev_down() calls dev_notify()
notify.c:11:17: note: dev_notify() calls eth_notify() through struct dev_ops::notify
targets.c:10:17: note: eth_notify() acquires '&dev_list_lock' here
 * check-error-end
 */
