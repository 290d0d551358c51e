#include "kernel.h"
#include "sensor.h"

/* The client's callback takes the client's own lock. */
static void accel_on_sample(struct sensor_client *c, int value)
{
	mutex_lock(&c->lock);
	c->last = value;
	mutex_unlock(&c->lock);
}

/* Bound by assignment through a pointer, not by an initializer. */
void accel_attach(struct sensor_hub *hub, struct sensor_client *c)
{
	c->hub = hub;
	c->on_sample = accel_on_sample;
}

/* client -> hub: detaching holds the client lock, then takes the hub's. */
void accel_detach(struct sensor_client *c)
{
	mutex_lock(&c->lock);
	mutex_lock(&c->hub->lock);
	c->hub->client = NULL;
	mutex_unlock(&c->hub->lock);
	mutex_unlock(&c->lock);
}
