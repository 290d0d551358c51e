#include "kernel.h"

#define MSG_DONTWAIT	0x40

int append_data(struct sock *sk, int len, unsigned int flags);

/* Without MSG_ZEROCOPY the allocation behind the flag test is not reached. */
void send_reply(struct sock *ctl_sk, int len)
{
	local_bh_disable();
	append_data(ctl_sk, len, MSG_DONTWAIT);
	local_bh_enable();
}

/*
 * check-name: a sleeping allocation behind a flag test the constant flags do not pass: silent
 */
