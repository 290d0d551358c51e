#include "driver.h"

/*
 * Fixed: module exit stops the timer before it frees the table.
 *
 * check-name: module exit stops the timer before freeing what its callback reads
 * check-error-start
 * check-error-end
 */
struct stats_state {
	struct timer_list timer;
	unsigned long *counters;
	unsigned long total;
};

static struct stats_state stats;

static void stats_tick(struct timer_list *t)
{
	stats.total += stats.counters[0];
	mod_timer(&stats.timer, 100);
}

static int stats_init(void)
{
	stats.counters = kzalloc(64, GFP_KERNEL);
	timer_setup(&stats.timer, stats_tick, 0);
	return 0;
}

static void stats_exit(void)
{
	del_timer_sync(&stats.timer);
	kfree(stats.counters);
}
module_exit(stats_exit);
