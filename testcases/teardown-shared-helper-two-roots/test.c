#include "driver.h"

/*
 * Two drivers share the end of their teardown: both remove functions call
 * one helper that frees the ring before it stops the timer.  One race at
 * one place: one finding, the second driver's remove as a note.
 *
 * check-name: two teardown roots reaching one free: one finding, the other root a note
 * check-error-start
test.c:48:9: warning: kfree() frees 'struct port::ring' while port_watchdog() can still use it: the callback is neither unpublished nor guarded first [lockscope/teardown-race]
test.c:68: note: CPU0: bar_remove() tears the device down (struct pci_driver::remove)
test.c:70:9: note: CPU0: bar_remove() calls port_unregister()
test.c:48:9: note: CPU0: port_unregister() frees 'struct port::ring' with kfree()
test.c:26: note: CPU1: port_watchdog() can still run: struct timer_list::function, a timer callback, is not unpublished before the free
test.c:30:9: note: CPU1: port_watchdog() dereferences 'struct port::ring'
test.c:68: note: scenario: CPU0: bar_remove() -> port_unregister() -> kfree(): freed
test.c:26: note: scenario: CPU1: port_watchdog(): dereference after free
test.c:58: note: foo_remove() (struct pci_driver::remove) frees it the same way
 * check-error-end
 */
struct port {
	struct timer_list watchdog;
	unsigned int *ring;
};

static void port_watchdog(struct timer_list *t)
{
	struct port *port = from_timer(port, t, watchdog);

	port->ring[0] = 0;
	mod_timer(&port->watchdog, 100);
}

static int port_register(struct pci_dev *pdev)
{
	struct port *port = kzalloc(sizeof(*port), GFP_KERNEL);

	if (!port)
		return -ENOMEM;
	port->ring = kzalloc(4096, GFP_KERNEL);
	timer_setup(&port->watchdog, port_watchdog, 0);
	pdev->dev.driver_data = port;
	return 0;
}

static void port_unregister(struct port *port)
{
	kfree(port->ring);
	del_timer_sync(&port->watchdog);
	kfree(port);
}

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	return port_register(pdev);
}

static void foo_remove(struct pci_dev *pdev)
{
	port_unregister(pci_get_drvdata(pdev));
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	return port_register(pdev);
}

static void bar_remove(struct pci_dev *pdev)
{
	port_unregister(pci_get_drvdata(pdev));
}

struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};

struct pci_driver bar_driver = {
	.name = "bar",
	.probe = bar_probe,
	.remove = bar_remove,
};
