#include "waits.h"
#include "link.h"

/*
 * Two files, two locks and a timer.  link.c stops the poll timer with
 * the config mutex held and the poll timer takes the stats lock; this
 * file takes the config mutex with the stats lock held.  No function
 * waits under a lock its own callback takes, but together they close a
 * cycle: the timer waits for the stats lock, its holder for the config
 * mutex, and the mutex's holder for the timer.
 *
 * check-name: a lock-order cycle through del_timer_sync() across two files
 * check-error-start
test.c:32:9: warning: possible circular locking dependency through a wait for a callback: '(timer) struct link::poll' -> 'struct link::stats_lock' -> 'struct link::cfg_lock' -> '(timer) struct link::poll' [lockscope/lock-order]
link.c:15: note: link_poll() runs as a callback of 'struct link::poll' (bound here): a wait for it waits for what it takes
link.c:8:9: note: link_poll() acquires '&container_of(t, -8)->stats_lock' here
test.c:31: note: link_stats_reset() holds '&l->stats_lock' (struct link::stats_lock) from here
test.c:32:9: note: ... and acquires '&l->cfg_lock' (struct link::cfg_lock) here
link.c:21: note: link_set_mtu() holds '&l->cfg_lock' (struct link::cfg_lock) from here
link.c:22:9: note: ... and waits for '&l->poll' ((timer) struct link::poll) here
link.c:15: note: scenario: CPU0: link_poll() runs for 'struct link::poll'
test.c:31: note: scenario: CPU1: lock(&l->stats_lock) in link_stats_reset()
link.c:21: note: scenario: CPU2: lock(&l->cfg_lock) in link_set_mtu()
link.c:15: note: scenario: CPU0: lock(&container_of(t, -8)->stats_lock) waits for CPU1: deadlock
test.c:32: note: scenario: CPU1: lock(&l->cfg_lock) waits for CPU2: deadlock
link.c:22: note: scenario: CPU2: wait(&l->poll) waits for CPU0: deadlock
 * check-error-end
 */
void link_stats_reset(struct link *l)
{
	spin_lock_bh(&l->stats_lock);
	spin_lock_bh(&l->cfg_lock);
	l->mtu = 0;
	spin_unlock_bh(&l->cfg_lock);
	spin_unlock_bh(&l->stats_lock);
}
