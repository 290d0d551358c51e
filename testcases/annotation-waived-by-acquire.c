#include "kernel.h"

struct sock_lite {
	spinlock_t slock;
	int owned;
};

void wait_for_owner(struct sock_lite *sk);

/*
 * A fast path returns with the spinlock held; the slow path drops it and
 * tells sparse so by hand with __acquire().  The annotation is a promise
 * the body manages itself: not judged.
 */
static bool lock_fast(struct sock_lite *sk) __acquires(&sk->slock)
{
	spin_lock_bh(&sk->slock);
	if (!sk->owned)
		return false;
	wait_for_owner(sk);
	sk->owned = 1;
	__acquire(&sk->slock);
	spin_unlock_bh(&sk->slock);
	return true;
}

/*
 * check-name: __acquire() in the body waives the function's annotation
 */
