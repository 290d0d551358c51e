#include "kernel.h"

#define MSG_DONTWAIT	0x40

int append_data(struct sock *sk, int len, unsigned int flags);

/*
 * A reply built with softirqs off says MSG_DONTWAIT: masked on the way
 * down, it still reaches the allocator, which then does not wait.
 */
void send_reply(struct sock *ctl_sk, int len)
{
	local_bh_disable();
	append_data(ctl_sk, len, MSG_DONTWAIT);
	local_bh_enable();
}

/*
 * check-name: MSG_DONTWAIT masked on the way to the send-buffer allocation with softirqs off: silent
 */
