#include "cfg.h"

void fw_write(struct port *p, int reg, int val)
{
	mutex_lock(&p->fw_lock);
	p->speed = reg + val;
	mutex_unlock(&p->fw_lock);
}

void port_apply_speed(struct port *p)
{
	fw_write(p, 1, p->speed);
}
