#include "kernel.h"

struct rx { spinlock_t lock; struct tx *tx; int n; };
struct tx { spinlock_t lock; struct rx *rx; int n; };

/* rx -> tx */
void rx_poll(struct rx *rx)
{
	spin_lock(&rx->lock);
	spin_lock(&rx->tx->lock);
	rx->tx->n = rx->n;
	spin_unlock(&rx->tx->lock);
	spin_unlock(&rx->lock);
}
