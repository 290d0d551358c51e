#include "kernel.h"

struct hw {
	struct semaphore sem;
	int cmd;
};

/* ret = down_interruptible(); if (ret) return ret; is the usual shape. */
static int hw_cmd(struct hw *hw, int cmd)
{
	int ret;

	ret = down_interruptible(&hw->sem);
	if (ret)
		return ret;
	hw->cmd = cmd;
	up(&hw->sem);
	return 0;
}

/*
 * check-name: ret = down_interruptible(); if (ret) return ret;
 */
