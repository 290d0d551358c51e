#include "waits.h"
#include "link.h"

static void link_poll(struct timer_list *t)
{
	struct link *l = from_timer(l, t, poll);

	spin_lock(&l->stats_lock);
	l->rx++;
	spin_unlock(&l->stats_lock);
}

void link_up(struct link *l)
{
	timer_setup(&l->poll, link_poll, 0);
	mod_timer(&l->poll, 10);
}

void link_set_mtu(struct link *l, unsigned long mtu)
{
	spin_lock_bh(&l->cfg_lock);
	del_timer_sync(&l->poll);
	l->mtu = mtu;
	spin_unlock_bh(&l->cfg_lock);
}
