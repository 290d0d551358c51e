#include "kernel.h"
#include "conn.h"

static int tconn_hash(void *obj)
{
	return conn_hash(obj);
}

struct proto tconn_prot = {
	.name		= "TCONN",
	.obj_size	= sizeof(struct tconn),
	.slab_flags	= SLAB_TYPESAFE_BY_RCU,
	.hash		= tconn_hash,
};
