#include "kernel.h"

struct phy {
	struct mutex lock;
	int speed;
	int duplex;
};

/* One case returns its error with the mutex still held. */
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
			phy->duplex = 0;
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
 * check-name: switch: one case returns its error with the mutex held
 *
 * check-error-start
lockset-switch-leak.c:24:32: warning: inconsistent returns of '&phy->lock' in phy_ioctl(): held on this return, not held on the return at line 32 [lockscope/inconsistent-return]
lockset-switch-leak.c:21:17: note: '&phy->lock' (struct phy::lock) acquired here
lockset-switch-leak.c:32:16: note: returns without '&phy->lock' here
 * check-error-end
 */
