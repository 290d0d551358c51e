#include "netdevice.h"

struct foo_can {
	struct net_device *netdev;
	struct usb_anchor rx_submitted;
	struct usb_anchor tx_submitted;
};

/*
 * A CAN/USB disconnect: the driver's state is the candev's private area,
 * so killing the URBs anchored in it after free_candev() uses freed memory.
 */
static void foo_can_disconnect(struct usb_interface *intf)
{
	struct net_device *netdev = usb_get_intfdata(intf);
	struct foo_can *dev = netdev_priv(netdev);

	usb_set_intfdata(intf, NULL);
	unregister_candev(netdev);
	free_candev(netdev);
	usb_kill_anchored_urbs(&dev->rx_submitted);
	usb_kill_anchored_urbs(&dev->tx_submitted);
}

/*
 * check-name: free_candev() before the anchored URBs are killed
 *
 * check-error-start
use-after-free-candev-urbs.c:21:9: warning: '&dev->rx_submitted' is passed to usb_kill_anchored_urbs() after free_candev() freed 'netdev' [lockscope/use-after-free]
use-after-free-candev-urbs.c:20:9: note: free_candev() frees 'netdev' here
 * check-error-end
 */
