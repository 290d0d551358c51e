#include "netdevice.h"

struct foo_can {
	struct net_device *netdev;
	struct usb_anchor rx_submitted;
	struct usb_anchor tx_submitted;
};

/* The fix: kill the URBs first, free the candev last. */
static void foo_can_disconnect(struct usb_interface *intf)
{
	struct net_device *netdev = usb_get_intfdata(intf);
	struct foo_can *dev = netdev_priv(netdev);

	usb_set_intfdata(intf, NULL);
	unregister_candev(netdev);
	usb_kill_anchored_urbs(&dev->rx_submitted);
	usb_kill_anchored_urbs(&dev->tx_submitted);
	free_candev(netdev);
}

/*
 * check-name: the anchored URBs are killed before free_candev()
 */
