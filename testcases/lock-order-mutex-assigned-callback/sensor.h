/* A sensor hub whose clients register a callback by assignment. */
#ifndef TEST_SENSOR_H
#define TEST_SENSOR_H

struct sensor_client;

struct sensor_hub {
	struct mutex lock;		/* the list of clients */
	struct sensor_client *client;
};

struct sensor_client {
	struct mutex lock;		/* the client's buffer */
	struct sensor_hub *hub;
	void (*on_sample)(struct sensor_client *c, int value);
	int last;
};

void accel_attach(struct sensor_hub *hub, struct sensor_client *c);

#endif
