struct device {
	int refs;
};

extern spinlock_t devices_lock;
void put_device(struct device *dev);
