#include "driver.h"

/*
 * Fixed: remove stops the timer (waiting for a running callback) before
 * it frees the ring.
 *
 * check-name: remove stops the timer before freeing what its callback uses
 * check-error-start
 * check-error-end
 */
struct foo_priv {
	struct timer_list watchdog;
	unsigned int *ring;
};

static void foo_watchdog(struct timer_list *t)
{
	struct foo_priv *priv = from_timer(priv, t, watchdog);

	priv->ring[0] = 0;
	mod_timer(&priv->watchdog, 100);
}

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->ring = kzalloc(4096, GFP_KERNEL);
	timer_setup(&priv->watchdog, foo_watchdog, 0);
	pdev->dev.driver_data = priv;
	return 0;
}

static void foo_remove(struct pci_dev *pdev)
{
	struct foo_priv *priv = pci_get_drvdata(pdev);

	del_timer_sync(&priv->watchdog);
	kfree(priv->ring);
	kfree(priv);
}

struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};
