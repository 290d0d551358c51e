#include "netdevice.h"

struct net_device *foo_wait_allrefs(struct list_head *list);
void foo_unregistered(void);

/*
 * The core's shape: free_netdev() of a registered device only drops a
 * reference; the device goes when its kobject's last reference does.  A
 * reference dropped after the free shows the free was not the last one.
 */
static void foo_run_todo(struct list_head *list)
{
	struct net_device *dev = foo_wait_allrefs(list);

	if (dev->needs_free_netdev)
		free_netdev(dev);
	dev->todo_list.next = NULL;
	kobject_put(&dev->dev.kobj);
}

/*
 * check-name: free_netdev() followed by a later reference drop
 */
