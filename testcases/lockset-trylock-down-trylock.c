#include "kernel.h"

struct hw {
	struct semaphore sem;
	int cmd;
};

/* down_trylock() returns 0 when it got the semaphore: inverted sense. */
static int hw_try_cmd(struct hw *hw, int cmd)
{
	if (down_trylock(&hw->sem))
		return -EBUSY;
	hw->cmd = cmd;
	up(&hw->sem);
	return 0;
}

/*
 * check-name: down_trylock() holds the semaphore when it returns 0
 */
