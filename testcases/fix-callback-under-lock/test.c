#include "kernel.h"
#include "ipv6.h"

/*
 * Seed 000: the notification is sent with the inet6_dev's lock held for
 * read.  RTM_NEWADDR write-locks an inet6_dev reached through the
 * net_device's back pointer, most likely this one: a warning.
 */
void addrconf_dad_completed(struct inet6_ifaddr *ifp)
{
	struct inet6_dev *idev = ifp->idev;

	read_lock_bh(&idev->lock);
	ipv6_ifa_notify(RTM_NEWADDR, ifp);
	read_unlock_bh(&idev->lock);
}

/* RTM_DELADDR write-locks ifp->idev itself, passed down: an error. */
void addrconf_ifdown(struct inet6_ifaddr *ifp)
{
	read_lock_bh(&ifp->idev->lock);
	ipv6_ifa_notify(RTM_DELADDR, ifp);
	read_unlock_bh(&ifp->idev->lock);
}

/*
 * check-name: lockscope fix: callback-under-lock moves the call after the unlock; the patched tree is silent
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p; /^diff --git/,/^-- $/{/^[-+@]/p}' $FACTS.p/*.patch && cp -r . $FACTS.t && lockscope fix --tree=$FACTS.t --output-dir=$FACTS.p --apply 2>/dev/null && cd $FACTS.t && lockscope -I$OLDPWD/../include --no-sparse-warnings --facts-dir=$FACTS.t/f *.c && lockscope report --facts-dir=$FACTS.t/f
 * check-output-start
lockscope fix: 12740218fdc8f61a (callback-under-lock): wrote callback-under-lock-12740218fdc8f61a.patch
lockscope fix: 5a83ef251c70cb46 (callback-under-lock): wrote callback-under-lock-5a83ef251c70cb46.patch
Subject: [PATCH] test: fix deadlock calling ipv6_ifa_notify() under ifp->idev->lock in addrconf_dad_completed()
--- a/test.c
+++ b/test.c
@@ -8,11 +8,14 @@
+	bool call_ipv6_ifa_notify = false;
-	ipv6_ifa_notify(RTM_NEWADDR, ifp);
+	call_ipv6_ifa_notify = true;
+	if (call_ipv6_ifa_notify)
+		ipv6_ifa_notify(RTM_NEWADDR, ifp);
-- 
Subject: [PATCH] test: fix deadlock calling ipv6_ifa_notify() under ifp->idev->lock in addrconf_ifdown()
--- a/test.c
+++ b/test.c
@@ -18,9 +18,12 @@ void addrconf_dad_completed(struct inet6
+	bool call_ipv6_ifa_notify = false;
-	ipv6_ifa_notify(RTM_DELADDR, ifp);
+	call_ipv6_ifa_notify = true;
+	if (call_ipv6_ifa_notify)
+		ipv6_ifa_notify(RTM_DELADDR, ifp);
-- 
 * check-output-end
 */
