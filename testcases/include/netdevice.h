/*
 * Net devices, CAN devices and USB interfaces in the shape 6.1 has after
 * preprocessing, written for lockscope's use-after-free tests: a driver's
 * private area is the aligned space after its struct net_device, reached
 * through the inline netdev_priv().  Apart from kernel.h because some
 * whole-tree tests define their own struct net_device and struct device.
 */
#ifndef TEST_NETDEVICE_H
#define TEST_NETDEVICE_H

#include "kernel.h"

struct kobject { const char *name; unsigned int refcount; };
struct device { struct kobject kobj; void *driver_data; };
void kobject_put(struct kobject *kobj);
void put_device(struct device *dev);

struct net_device_stats { unsigned long rx_packets, tx_packets, tx_dropped; };

struct net_device {
	char name[16];
	unsigned long state;
	unsigned int flags;
	unsigned int mtu;
	struct net_device_stats stats;
	struct list_head dev_list;
	struct list_head todo_list;
	bool needs_free_netdev;
	struct device dev;
};

#define NETDEV_ALIGN		32
static inline void *netdev_priv(const struct net_device *dev)
{
	return (char *)dev + ALIGN(sizeof(struct net_device), NETDEV_ALIGN);
}

struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs,
				      unsigned int rxqs);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
void free_netdev(struct net_device *dev);
void netif_stop_queue(struct net_device *dev);

/* drivers/net/can: a candev is a net_device with a CAN private area */
struct net_device *alloc_candev_mqs(int sizeof_priv, unsigned int echo_skb_max,
				    unsigned int txqs, unsigned int rxqs);
void unregister_candev(struct net_device *dev);
void free_candev(struct net_device *dev);

/* USB: the interface keeps the driver's data; URBs in flight are anchored */
struct usb_interface { struct device dev; int minor; };
struct urb;
struct usb_anchor {
	struct list_head urb_list;
	spinlock_t lock;
	unsigned int suspend_wakeups;
	bool poisoned;
};

static inline void *usb_get_intfdata(struct usb_interface *intf)
{
	return intf->dev.driver_data;
}
static inline void usb_set_intfdata(struct usb_interface *intf, void *data)
{
	intf->dev.driver_data = data;
}
void usb_kill_anchored_urbs(struct usb_anchor *anchor);
void usb_free_urb(struct urb *urb);

#endif
