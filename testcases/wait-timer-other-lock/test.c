#include "waits.h"

/*
 * The statistics timer takes the stats lock, never the config lock that
 * is held while it is deleted: the wait is safe.
 *
 * check-name: del_timer_sync() under a lock its callback does not take: silent
 */
struct nic {
	struct mutex cfg_lock;
	spinlock_t stats_lock;
	struct timer_list stats_timer;
	unsigned long packets, speed;
};

static void nic_stats_tick(struct timer_list *t)
{
	struct nic *nic = from_timer(nic, t, stats_timer);

	spin_lock(&nic->stats_lock);
	nic->packets++;
	spin_unlock(&nic->stats_lock);
}

void nic_open(struct nic *nic)
{
	timer_setup(&nic->stats_timer, nic_stats_tick, 0);
	mod_timer(&nic->stats_timer, 100);
}

void nic_set_speed(struct nic *nic, unsigned long speed)
{
	mutex_lock(&nic->cfg_lock);
	del_timer_sync(&nic->stats_timer);
	nic->speed = speed;
	mod_timer(&nic->stats_timer, 100);
	mutex_unlock(&nic->cfg_lock);
}
