#include "kernel.h"
#include "dev.h"

/*
 * The last reference dropped under the lock its release takes.
 * put_device() is a free in rules/frees.tab, so the call graph ends
 * there and its body is not walked: the deadlock is not seen.
 */
void devices_drop(struct device *dev)
{
	spin_lock(&devices_lock);
	put_device(dev);
	spin_unlock(&devices_lock);
}

/*
 * check-name: put_device() under the lock its release takes
 * check-known-to-fail
 * check-error-start
test.c:12:9: error: put_device() is called with '&devices_lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:11: note: '&devices_lock' (devices_lock) acquired here
test.c:12:9: note: devices_drop() calls put_device()
core.c:17:17: note: put_device() calls device_release()
core.c:8:9: note: device_release() acquires '&devices_lock' here
 * check-error-end
 */
