#include "mlx.h"

static void *alloc_cmd_box(struct mlx5_core_dev *dev)
{
	dma_addr_t dma;

	return dma_pool_zalloc(dev->cmd.pool, GFP_KERNEL, &dma);
}

static int cmd_exec(struct mlx5_core_dev *dev, void *in, int in_size, void *out)
{
	void *box = alloc_cmd_box(dev);

	if (!box)
		return -ENOMEM;
	return 0;
}

int mlx5_cmd_exec(struct mlx5_core_dev *dev, void *in, int in_size, void *out, int out_size)
{
	return cmd_exec(dev, in, in_size, out);
}

void mlx5_cmd_set_state(struct mlx5_core_dev *dev, int state)
{
	dev->cmd.state = state;
}

void mlx5_cmd_cleanup(struct mlx5_core_dev *dev)
{
	struct mlx5_cmd *cmd = &dev->cmd;

	dma_pool_destroy(cmd->pool);
}
