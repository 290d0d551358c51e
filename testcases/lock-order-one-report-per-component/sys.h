/* Five lock classes of a small subsystem. */
#ifndef TEST_SYS_H
#define TEST_SYS_H

struct sys {
	struct mutex cfg_lock;
	struct mutex dev_lock;
	struct mutex irq_lock;
	spinlock_t rx_lock;
	spinlock_t tx_lock;
	int n;
};

#endif
