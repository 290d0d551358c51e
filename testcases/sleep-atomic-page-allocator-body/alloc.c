#include "kernel.h"

#define GFP_DIRECT_RECLAIM	0x400

void schedule_timeout_uninterruptible(long timeout);

/* The page allocator: only a mask with direct reclaim may wait. */
void *alloc_page_frag(unsigned int gfp)
{
	if (gfp & GFP_DIRECT_RECLAIM)
		schedule_timeout_uninterruptible(1);
	return 0;
}
