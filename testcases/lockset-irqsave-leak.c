#include "kernel.h"

struct uart {
	rwlock_t lock;
	int tx_head;
	int tx_tail;
	int stopped;
};

/* The -EIO exit returns with the lock held and interrupts off. */
static int uart_tx_room(struct uart *u)
{
	unsigned long flags;
	int room;

	read_lock_irqsave(&u->lock, flags);
	if (u->stopped) {
		u->tx_head = 0;
		return -EIO;
	}
	room = u->tx_tail - u->tx_head;
	read_unlock_irqrestore(&u->lock, flags);
	return room;
}

/*
 * check-name: read_lock_irqsave() with an error exit that does not restore
 *
 * check-error-start
lockset-irqsave-leak.c:19:24: warning: inconsistent returns of '&u->lock' in uart_tx_room(): held on this return, not held on the return at line 23 [lockscope/inconsistent-return]
lockset-irqsave-leak.c:16:9: note: '&u->lock' (struct uart::lock) acquired here
lockset-irqsave-leak.c:22:9: note: released here on the path to line 23
lockset-irqsave-leak.c:23:16: note: returns without '&u->lock' here
 * check-error-end
 */
