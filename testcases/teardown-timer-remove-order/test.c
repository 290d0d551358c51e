#include "driver.h"

/*
 * A watchdog timer that writes the ring: remove frees the ring before it
 * stops the timer, so a timer already due writes freed memory.
 *
 * check-name: remove frees what a timer callback uses before stopping the timer
 * check-error-start
test.c:47:9: warning: kfree() frees 'struct foo_priv::ring' while foo_watchdog() can still use it: the callback is neither unpublished nor guarded first [lockscope/teardown-race]
test.c:43: note: CPU0: foo_remove() tears the device down (struct pci_driver::remove)
test.c:47:9: note: CPU0: foo_remove() frees 'struct foo_priv::ring' with kfree()
test.c:23: note: CPU1: foo_watchdog() can still run: struct timer_list::function, a timer callback, is not unpublished before the free
test.c:27:9: note: CPU1: foo_watchdog() dereferences 'struct foo_priv::ring'
test.c:43: note: scenario: CPU0: foo_remove() -> kfree(): freed
test.c:23: note: scenario: CPU1: foo_watchdog(): dereference after free
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

	kfree(priv->ring);
	del_timer_sync(&priv->watchdog);
	kfree(priv);
}

struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};
