#include "driver.h"

/*
 * A work item and a timer reach a use of the ring through a cycle of
 * calls, entering it at different functions.  Remove cancels the work
 * before the free and stops the timer only after it: the timer can use
 * freed memory.  Known to fail: each function's walk is computed once,
 * and foo_poll() was first walked from inside the cycle (from
 * foo_step(), on the work's way in), when foo_step()'s use was not found
 * yet; the timer, entering at foo_poll(), gets that list, without it.
 *
 * check-name: a use reached only back through a cycle, from a second way in
 * check-known-to-fail

 * check-error-start
test.c:86:9: warning: kfree() frees 'struct foo_priv::ring' while foo_b_watchdog() can still use it: the callback is neither unpublished nor guarded first [lockscope/teardown-race]
test.c:81: note: CPU0: foo_remove() tears the device down (struct pci_driver::remove)
test.c:86:9: note: CPU0: foo_remove() frees 'struct foo_priv::ring' with kfree()
test.c:61: note: CPU1: foo_b_watchdog() can still run: struct timer_list::function, a timer callback, is not unpublished before the free
test.c:65:9: note: CPU1: foo_b_watchdog() calls foo_poll()
test.c:51:17: note: CPU1: foo_poll() calls foo_step()
test.c:45:9: note: CPU1: foo_step() calls foo_touch()
test.c:36:9: note: CPU1: foo_touch() dereferences 'struct foo_priv::ring'
test.c:81: note: scenario: CPU0: foo_remove() -> kfree(): freed
test.c:61: note: scenario: CPU1: foo_b_watchdog() -> foo_poll() -> foo_step() -> foo_touch(): dereference after free
 * check-error-end
 */
struct foo_priv {
	struct work_struct a_work;
	struct timer_list b_watchdog;
	unsigned int *ring;
};

static void foo_touch(struct foo_priv *priv)
{
	priv->ring[0] = 0;
}

static void foo_poll(struct foo_priv *priv, int n);

static void foo_step(struct foo_priv *priv, int n)
{
	if (n)
		foo_poll(priv, n - 1);
	foo_touch(priv);
}

static void foo_poll(struct foo_priv *priv, int n)
{
	if (n)
		foo_step(priv, n - 1);
}

static void foo_a_work(struct work_struct *w)
{
	struct foo_priv *priv = container_of(w, struct foo_priv, a_work);

	foo_step(priv, 2);
}

static void foo_b_watchdog(struct timer_list *t)
{
	struct foo_priv *priv = from_timer(priv, t, b_watchdog);

	foo_poll(priv, 2);
}

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->ring = kzalloc(4096, GFP_KERNEL);
	INIT_WORK(&priv->a_work, foo_a_work);
	timer_setup(&priv->b_watchdog, foo_b_watchdog, 0);
	pdev->dev.driver_data = priv;
	return 0;
}

static void foo_remove(struct pci_dev *pdev)
{
	struct foo_priv *priv = pci_get_drvdata(pdev);

	cancel_work_sync(&priv->a_work);
	kfree(priv->ring);
	del_timer_sync(&priv->b_watchdog);
	kfree(priv);
}

struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};
