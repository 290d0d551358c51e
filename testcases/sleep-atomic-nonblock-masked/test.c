#include "kernel.h"

int append_data(struct sock *sk, int len, unsigned int flags);

/* A reply built with softirqs off, with flags that may block. */
void send_reply(struct sock *ctl_sk, int len)
{
	local_bh_disable();
	append_data(ctl_sk, len, 0);
	local_bh_enable();
}

/*
 * check-name: a blocking send-buffer allocation reached with softirqs off, its flag masked on the way
 * check-error-start
test.c:9:9: warning: append_data() may sleep (sock_alloc_send_pskb()) and is called with softirqs disabled: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:8: note: softirqs disabled here
test.c:9:9: note: send_reply() calls append_data() with flags 0
append.c:24:16: note: append_data() calls append_frag()
append.c:15:14: note: append_frag() calls sock_alloc_send_pskb() with its caller's non-blocking flag, which may sleep
 * check-error-end
 */
