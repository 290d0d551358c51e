#ifndef TEST_DEV_H
#define TEST_DEV_H

struct dev;

struct dev_ops {
	void (*notify)(struct dev *d, int event);
};

struct dev {
	const struct dev_ops *ops;
	int count;
};

extern spinlock_t dev_list_lock;

void dev_notify(struct dev *d, int event);

#endif
