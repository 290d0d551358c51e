#include "driver.h"

/*
 * A module-wide statistics timer that reads the module's table: module
 * exit frees the table before it stops the timer.
 *
 * check-name: module exit frees what a timer callback reads before stopping the timer
 * check-error-start
test.c:41:9: warning: kfree() frees 'struct stats_state::counters' while stats_tick() can still use it: the callback is neither unpublished nor guarded first [lockscope/teardown-race]
test.c:39: note: CPU0: stats_exit() unloads the module (module_exit)
test.c:41:9: note: CPU0: stats_exit() frees 'struct stats_state::counters' with kfree()
test.c:26: note: CPU1: stats_tick() can still run: struct timer_list::function, a timer callback, is not unpublished before the free
test.c:28:29: note: CPU1: stats_tick() dereferences 'struct stats_state::counters'
test.c:39: note: scenario: CPU0: stats_exit() -> kfree(): freed
test.c:26: note: scenario: CPU1: stats_tick(): dereference after free
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
	kfree(stats.counters);
	del_timer_sync(&stats.timer);
}
module_exit(stats_exit);
