#include "kernel.h"

struct inet6_dev {
	int dead;
	rwlock_t lock;
};

struct inet6_ifaddr {
	int flags;
	struct inet6_dev *idev;
};

/* The idev is reached through a local copy: still the same instance. */
static void dad_begin(struct inet6_ifaddr *ifp)
{
	struct inet6_dev *idev = ifp->idev;

	read_lock_bh(&idev->lock);
	if (idev->dead) {
		write_lock_bh(&ifp->idev->lock);
		write_unlock_bh(&ifp->idev->lock);
	}
	read_unlock_bh(&idev->lock);
}

/*
 * check-name: write lock of an rwlock held for read, through a local copy
 *
 * check-error-start
double-lock-rwlock-read-write.c:20:17: warning: write_lock_bh() acquires '&ifp->idev->lock' for write while it is already held for read: self-deadlock [lockscope/double-lock]
double-lock-rwlock-read-write.c:18:9: note: '&ifp->idev->lock' (struct inet6_dev::lock) was acquired here
 * check-error-end
 */
