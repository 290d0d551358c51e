#include "mlx.h"

/*
 * The fix in the command path: teardown marks the command interface
 * down first, and every command checks it before touching the pool.
 *
 * check-name: seed 001 fixed: the command path refuses once the interface is marked down
 * check-error-start
 * check-error-end
 */
