#include "kernel.h"

static int sk_do_bind(struct sock *sk, int port);

/* The error label still releases a socket the common path released. */
static int sk_bind(struct sock *sk, int port)
{
	int err;

	lock_sock(sk);
	err = sk_do_bind(sk, port);
	release_sock(sk);
	if (err)
		goto out;
	return 0;

out:
	release_sock(sk);
	return err;
}

/*
 * check-name: release_sock() at the error label after the common release
 *
 * check-error-start
double-unlock-release-sock.c:18:9: warning: release_sock() releases '&sk->sk_lock', which is not held on this path [lockscope/double-unlock]
double-unlock-release-sock.c:12:9: note: '&sk->sk_lock' (struct sock::sk_lock) was already released here
 * check-error-end
 */
