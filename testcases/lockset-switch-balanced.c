#include "kernel.h"

struct phy {
	struct mutex lock;
	int speed;
	int duplex;
};

/* Each case unlocks before leaving; default does not lock at all. */
static int phy_ioctl(struct phy *phy, int cmd, int arg)
{
	int ret = 0;

	switch (cmd) {
	case 1:
		mutex_lock(&phy->lock);
		phy->speed = arg;
		mutex_unlock(&phy->lock);
		break;
	case 2:
		mutex_lock(&phy->lock);
		if (arg < 0) {
			mutex_unlock(&phy->lock);
			return -EINVAL;
		}
		phy->duplex = arg;
		mutex_unlock(&phy->lock);
		break;
	default:
		ret = -EINVAL;
	}
	return ret;
}

/*
 * check-name: switch: each case unlocks before leaving
 */
