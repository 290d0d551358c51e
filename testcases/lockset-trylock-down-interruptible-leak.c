#include "kernel.h"

struct hw {
	struct semaphore sem;
	int cmd;
};

/* The -EINVAL return keeps the semaphore down_interruptible() took. */
static int hw_cmd(struct hw *hw, int cmd)
{
	int ret;

	ret = down_interruptible(&hw->sem);
	if (ret)
		return ret;
	if (cmd < 0)
		return -EINVAL;
	hw->cmd = cmd;
	up(&hw->sem);
	return 0;
}

/*
 * check-name: after down_interruptible(), -EINVAL returns with the semaphore
 *
 * check-error-start
lockset-trylock-down-interruptible-leak.c:17:24: warning: inconsistent returns of '&hw->sem' in hw_cmd(): held on this return, not held on the return at line 20 [lockscope/inconsistent-return]
lockset-trylock-down-interruptible-leak.c:13:15: note: '&hw->sem' (struct hw::sem) acquired here
lockset-trylock-down-interruptible-leak.c:19:9: note: released here on the path to line 20
lockset-trylock-down-interruptible-leak.c:20:16: note: returns without '&hw->sem' here
 * check-error-end
 */
