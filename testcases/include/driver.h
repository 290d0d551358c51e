/*
 * A miniature of the Linux 6.1 driver model for the teardown-race tests:
 * devices and their sysfs attributes, net devices with their ethtool and
 * netdev operations, PCI drivers, DMA pools, timers and works.  Written
 * for lockscope's tests; only the shapes matter.
 */
#ifndef TEST_DRIVER_H
#define TEST_DRIVER_H

#include "kernel.h"

typedef unsigned int gfp_t;
typedef unsigned long long dma_addr_t;
typedef long ssize_t;
#define __GFP_ZERO	0x100u

struct device { const char *name; void *driver_data; };
struct device_attribute {
	const char *name;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, unsigned long count);
};
#define DEVICE_ATTR_RO(_name) \
	struct device_attribute dev_attr_##_name = { .name = #_name, .show = _name##_show }
int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);
void device_del(struct device *dev);
int sysfs_emit(char *buf, const char *fmt, ...);

struct dma_pool;
struct dma_pool *dma_pool_create(const char *name, struct device *dev,
				 unsigned long size, unsigned long align,
				 unsigned long boundary);
void dma_pool_destroy(struct dma_pool *pool);
void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle);
static inline void *dma_pool_zalloc(struct dma_pool *pool, gfp_t mem_flags,
				    dma_addr_t *handle)
{
	return dma_pool_alloc(pool, mem_flags | __GFP_ZERO, handle);
}
void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t addr);

struct ethtool_link_ksettings { struct { unsigned int speed; } base; };
struct net_device;
struct ethtool_ops {
	int (*get_link_ksettings)(struct net_device *dev,
				  struct ethtool_link_ksettings *cmd);
	void (*get_drvinfo)(struct net_device *dev, void *info);
};
struct net_device_ops {
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	void (*ndo_get_stats64)(struct net_device *dev, void *stats);
};

enum { __LINK_STATE_START, __LINK_STATE_PRESENT };
struct net_device {
	const char *name;
	unsigned long state;
	struct device dev;
	const struct ethtool_ops *ethtool_ops;
	const struct net_device_ops *netdev_ops;
	char priv[64];
};
static inline bool test_bit(long nr, const unsigned long *addr)
{
	return (*addr >> nr) & 1;
}
static inline bool netif_running(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_START, &dev->state);
}
static inline bool netif_device_present(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_PRESENT, &dev->state);
}
void netif_device_detach(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
void free_netdev(struct net_device *dev);
static inline void *netdev_priv(const struct net_device *dev)
{
	return (char *)dev + 64;
}
#define to_net_dev(d) container_of(d, struct net_device, dev)
int restart_syscall(void);

struct pci_dev { struct device dev; unsigned int irq; };
struct pci_device_id { unsigned int vendor, device; };
struct pci_driver {
	const char *name;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);
};
static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return pdev->dev.driver_data;
}

struct timer_list { void (*function)(struct timer_list *); unsigned long expires; };
void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *),
		    unsigned int flags, const char *name, void *key);
#define timer_setup(timer, fn, flags) init_timer_key(timer, fn, flags, NULL, NULL)
int del_timer_sync(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
#define from_timer(var, t, field) container_of(t, typeof(*var), field)


#define INIT_WORK(w, f) ((w)->func = (f))
bool cancel_work_sync(struct work_struct *work);
struct workqueue_struct;
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max, ...);
void destroy_workqueue(struct workqueue_struct *wq);
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(-1, wq, work);
}

typedef void (*exitcall_t)(void);
#define module_exit(fn) static exitcall_t __exitcall_##fn __attribute__((used)) = fn

#endif
