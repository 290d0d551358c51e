#include "kernel.h"
#include "dev.h"

spinlock_t dev_list_lock;

/* Each target takes the list lock for one event of its own. */
static void eth_notify(struct dev *d, int event)
{
	if (event == 1) {
		spin_lock(&dev_list_lock);
		d->count++;
		spin_unlock(&dev_list_lock);
	}
}

static void bond_notify(struct dev *d, int event)
{
	if (event == 2) {
		spin_lock(&dev_list_lock);
		d->count += 2;
		spin_unlock(&dev_list_lock);
	}
}

static void wlan_notify(struct dev *d, int event)
{
	if (event == 3) {
		spin_lock(&dev_list_lock);
		d->count--;
		spin_unlock(&dev_list_lock);
	}
}

const struct dev_ops eth_ops = { .notify = eth_notify };
const struct dev_ops bond_ops = { .notify = bond_notify };
const struct dev_ops wlan_ops = { .notify = wlan_notify };
