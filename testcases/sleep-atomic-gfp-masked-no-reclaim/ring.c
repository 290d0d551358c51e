#include "kernel.h"

#define GFP_DIRECT_RECLAIM	0x400

/* An opportunistic ring: never reclaims, whatever the caller's mask. */
void *ring_alloc(unsigned long n, unsigned int gfp)
{
	return kmalloc(n * 64, gfp & ~GFP_DIRECT_RECLAIM);
}
