#include "mlx.h"

/*
 * check-name: lockscope fix: teardown-race adds the presence check under the RTNL to speed_show(); the patched tree is silent
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p; /^diff --git/,/^-- $/{/^[-+@]/p}' $FACTS.p/*.patch && cp -r . $FACTS.t && lockscope fix --tree=$FACTS.t --output-dir=$FACTS.p --apply 2>/dev/null && cd $FACTS.t && lockscope -I$OLDPWD/../include --no-sparse-warnings --facts-dir=$FACTS.t/f *.c && lockscope report --facts-dir=$FACTS.t/f
 * check-output-start
lockscope fix: d26ef8e9fcd7e3c7 (teardown-race): wrote teardown-race-d26ef8e9fcd7e3c7.patch
Subject: [PATCH] net-sysfs: fix use after free in speed_show() during device teardown
--- a/net-sysfs.c
+++ b/net-sysfs.c
@@ -8,6 +8,10 @@ static ssize_t speed_show(struct device
+	if (!netif_device_present(netdev)) {
+		rtnl_unlock();
+		return -ENODEV;
+	}
-- 
 * check-output-end
 */
