#include "mlx.h"

/*
 * The fix in the generic layer: speed_show() also checks
 * netif_device_present() under rtnl, and the driver detaches the device
 * under rtnl before it destroys the pool.
 *
 * check-name: seed 001 fixed: the generic layer checks presence under the lock that detach holds
 * check-error-start
 * check-error-end
 */
