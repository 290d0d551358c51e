#include "kernel.h"
#include "stats.h"

/*
 * The device's lock is held across a call that takes it again, after 256
 * other locks.  A summary keeps 256 locks, so the 257th is not seen and
 * the self-deadlock is missed (README, "Known limitations").
 */
void dev_reset(struct dev *d)
{
	spin_lock(&d->lock);
	stats_flush(d);
	spin_unlock(&d->lock);
}

/*
 * check-name: a callee's 257th lock, taken again under the caller's: past the summary's bound
 * check-known-to-fail
 * check-error-start
test.c:12:9: error: stats_flush() is called with '&d->lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:11: note: '&d->lock' (struct dev::lock) acquired here
test.c:12:9: note: dev_reset() calls stats_flush()
flush.c:525:9: note: stats_flush() acquires '&d->lock' here
 * check-error-end
 */
