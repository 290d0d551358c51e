#include "mlx.h"

/*
 * Seed 001's shape: PCI shutdown destroys the command pool while the net
 * device stays registered; reading /sys/class/net/<dev>/speed goes through
 * the ethtool ops into the driver's command path and allocates from the
 * destroyed pool.  netif_running() is no guard: the device is detached,
 * not down.
 *
 * check-name: seed 001: sysfs speed reaches a DMA pool destroyed by PCI shutdown
 * check-error-start
cmd.c:33:9: warning: dma_pool_destroy() frees 'struct mlx5_cmd::pool' while speed_show() can still use it: the callback is neither unpublished nor guarded first [lockscope/teardown-race]
main.c:15: note: CPU0: shutdown() tears the device down (struct pci_driver::shutdown)
main.c:20:9: note: CPU0: shutdown() calls mlx5_cmd_cleanup()
cmd.c:33:9: note: CPU0: mlx5_cmd_cleanup() frees 'struct mlx5_cmd::pool' with dma_pool_destroy()
net-sysfs.c:4: note: CPU1: speed_show() can still run: struct device_attribute::show, a sysfs callback, is not unpublished before the free
net-sysfs.c:14:22: note: CPU1: speed_show() calls __ethtool_get_link_ksettings()
ethtool.c:8:34: note: CPU1: __ethtool_get_link_ksettings() calls mlx5_get_link_ksettings() through struct ethtool_ops::get_link_ksettings
en_ethtool.c:17:16: note: CPU1: mlx5_get_link_ksettings() calls query_port_ptys()
en_ethtool.c:6:19: note: CPU1: query_port_ptys() calls mlx5_cmd_exec()
cmd.c:21:16: note: CPU1: mlx5_cmd_exec() calls cmd_exec()
cmd.c:12:21: note: CPU1: cmd_exec() calls alloc_cmd_box()
cmd.c:7:16: note: CPU1: alloc_cmd_box() uses 'struct mlx5_cmd::pool': dma_pool_zalloc()
main.c:15: note: scenario: CPU0: shutdown() -> mlx5_cmd_cleanup() -> dma_pool_destroy(): freed
net-sysfs.c:4: note: scenario: CPU1: speed_show() -> __ethtool_get_link_ksettings() -> mlx5_get_link_ksettings() -> query_port_ptys() -> mlx5_cmd_exec() -> cmd_exec() -> alloc_cmd_box() -> dma_pool_zalloc(): use after free
net-sysfs.c:4: note: the teardown calls netif_device_detach() before the free, but this path never checks netif_device_present()
 * check-error-end
 */
