#include "kernel.h"
#include "link.h"

/* stats -> state */
void link_count(struct link *l)
{
	spin_lock(&l->stats_lock);
	l->packets++;
	spin_lock(&l->state_lock);
	l->state = 1;
	spin_unlock(&l->state_lock);
	spin_unlock(&l->stats_lock);
}

void link_reset(struct link *l)
{
	spin_lock(&l->state_lock);
	l->state = 0;
	spin_unlock(&l->state_lock);
}
