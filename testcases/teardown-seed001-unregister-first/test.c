#include "mlx.h"

/*
 * The fix in the driver: shutdown unregisters the net device, which
 * removes its sysfs attributes and waits for running ones, first.
 *
 * check-name: seed 001 fixed: the net device is unregistered before the pool is destroyed
 * check-error-start
 * check-error-end
 */
