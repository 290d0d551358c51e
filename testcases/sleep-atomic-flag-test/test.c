#include "kernel.h"

#define MSG_DONTWAIT	0x40
#define MSG_ZEROCOPY	0x4000000

int append_data(struct sock *sk, int len, unsigned int flags);

/* A zero-copy send with softirqs off reaches the GFP_KERNEL allocation. */
void send_reply(struct sock *ctl_sk, int len)
{
	local_bh_disable();
	append_data(ctl_sk, len, MSG_DONTWAIT | MSG_ZEROCOPY);
	local_bh_enable();
}

/*
 * check-name: a flag passed down selects the sleeping allocation, with softirqs off
 * check-error-start
test.c:12:9: warning: append_data() may sleep (kmalloc()) and is called with softirqs disabled: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:11: note: softirqs disabled here
test.c:12:9: note: send_reply() calls append_data() with flags 0x4000040
append.c:18:22: note: append_data() calls zc_alloc()
append.c:9:16: note: zc_alloc() calls kmalloc() with GFP flags 0xcc0, which allow direct reclaim: it may sleep
 * check-error-end
 */
