/* An adapter with a reset work item embedded in it. */
#ifndef TEST_ADAPTER_H
#define TEST_ADAPTER_H

struct adapter {
	int flags;
	spinlock_t lock;
	struct work_struct reset_work;
	int resets;
};

void adapter_reset_work(struct work_struct *work);

#endif
