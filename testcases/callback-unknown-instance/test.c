#include "kernel.h"
#include "dev.h"

/*
 * The device's link lock is held while dev_sync_mtu() (sync.c) locks the
 * link that link_lookup() returns: one class, an instance that cannot be
 * followed, most likely the same link.  A warning, not an error.
 */
void dev_set_mtu(struct dev *d)
{
	spin_lock(&d->link->lock);
	dev_sync_mtu(d);
	spin_unlock(&d->link->lock);
}

/*
 * check-name: the callee locks a lock of the held class whose instance is unknown: warning
 * check-error-start
test.c:12:9: warning: dev_sync_mtu() is called with '&d->link->lock' held and acquires a lock of the same class: deadlock if it is the same instance [lockscope/callback-under-lock]
test.c:11: note: '&d->link->lock' (struct link::lock) acquired here
test.c:12:9: note: dev_set_mtu() calls dev_sync_mtu()
sync.c:9:9: note: dev_sync_mtu() acquires '&link_lookup()->lock' here
 * check-error-end
 */
