#include "kernel.h"

static spinlock_t stats_lock;
static int stats_hits;

/* A file-static lock: its class is the symbol qualified by the file. */
static void stats_hit(void)
{
	spin_lock_bh(&stats_lock);
	stats_hits++;
	spin_lock_bh(&stats_lock);
	spin_unlock_bh(&stats_lock);
}

/*
 * check-name: a file-static lock is named file.c:symbol
 *
 * check-error-start
identity-static-lock.c:11:9: warning: spin_lock_bh() acquires '&stats_lock' while it is already held: self-deadlock [lockscope/double-lock]
identity-static-lock.c:9:9: note: '&stats_lock' (identity-static-lock.c:stats_lock) was acquired here
 * check-error-end
 */
