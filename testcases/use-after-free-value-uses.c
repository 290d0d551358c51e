#include "netdevice.h"

struct foo_obj {
	int id;
	struct foo_obj *peer;
};

struct foo_priv {
	struct foo_obj *cur;
	unsigned long freed;
};

/*
 * A freed pointer's value may still be compared, printed with %p,
 * remembered and returned: none of that reads the freed memory.  The
 * private area, computed before free_netdev() and used only before it,
 * is fine too.
 */
static struct foo_obj *foo_drop(struct net_device *netdev, struct foo_obj *obj)
{
	struct foo_priv *priv = netdev_priv(netdev);
	struct foo_obj *gone = obj;

	priv->freed++;
	kfree(obj);
	if (priv->cur == obj)
		priv->cur = NULL;
	printk("freed %p\n", obj);
	free_netdev(netdev);
	return gone;
}

/*
 * check-name: value uses of a freed pointer are not uses of its memory
 */
