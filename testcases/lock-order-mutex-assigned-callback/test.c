#include "kernel.h"
#include "sensor.h"

/*
 * hub -> client: a sample is delivered with the hub lock held, and the
 * callback (bound in accel.c by c->on_sample = accel_on_sample) takes the
 * client lock; accel_detach() nests them the other way: ABBA.
 */
void sensor_hub_push(struct sensor_hub *hub, int value)
{
	struct sensor_client *c;

	mutex_lock(&hub->lock);
	c = hub->client;
	if (c)
		c->on_sample(c, value);
	mutex_unlock(&hub->lock);
}

/*
 * check-name: mutex ABBA through a callback bound by p->field = fn
 * check-error-start
accel.c:23:9: warning: possible circular locking dependency: 'struct sensor_client::lock' -> 'struct sensor_hub::lock' -> 'struct sensor_client::lock' [lockscope/lock-order]
accel.c:22: note: accel_detach() holds '&c->lock' (struct sensor_client::lock) from here
accel.c:23:9: note: ... and acquires '&c->hub->lock' (struct sensor_hub::lock) here
test.c:13: note: sensor_hub_push() holds '&hub->lock' (struct sensor_hub::lock) from here
test.c:16:20: note: ... and calls accel_on_sample() through struct sensor_client::on_sample, which acquires struct sensor_client::lock
accel.c:7:9: note: accel_on_sample() acquires '&c->lock' here
accel.c:22: note: scenario: CPU0: lock(&c->lock) in accel_detach()
test.c:13: note: scenario: CPU1: lock(&hub->lock) in sensor_hub_push()
accel.c:23: note: scenario: CPU0: lock(&c->hub->lock) waits for CPU1: deadlock
test.c:16: note: scenario: CPU1: lock(&c->lock) waits for CPU0: deadlock
 * check-error-end
 */
