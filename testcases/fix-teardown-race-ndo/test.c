#include "mlx.h"

/*
 * check-name: lockscope fix: teardown-race guards every unguarded entry point, speed_show() under its RTNL and an ndo callback first thing; the patched tree is silent
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope fix --output-dir=$FACTS.p 2>&1 >/dev/null | sed "s#$FACTS.p/##" && sed -n '/^Subject/p; /^diff --git/,/^-- $/p' $FACTS.p/*.patch && cp -r . $FACTS.t && lockscope fix --tree=$FACTS.t --output-dir=$FACTS.p --apply 2>/dev/null && cd $FACTS.t && lockscope -I$OLDPWD/../include --no-sparse-warnings --facts-dir=$FACTS.t/f *.c && lockscope report --facts-dir=$FACTS.t/f
 * check-output-start
lockscope fix: d26ef8e9fcd7e3c7 (teardown-race): wrote teardown-race-d26ef8e9fcd7e3c7.patch
Subject: [PATCH] en_main: fix use after free in mlx5e_open() and 1 more entry point during device teardown
diff --git a/en_main.c b/en_main.c
--- a/en_main.c
+++ b/en_main.c
@@ -6,6 +6,8 @@ static int mlx5e_open(struct net_device
 	struct mlx5_priv *priv = netdev_priv(netdev);
 	unsigned int in[4] = { 0 }, out[4];
 
+	if (!netif_device_present(netdev))
+		return -ENODEV;
 	return mlx5_cmd_exec(priv->mdev, in, sizeof(in), out, sizeof(out));
 }
 
diff --git a/net-sysfs.c b/net-sysfs.c
--- a/net-sysfs.c
+++ b/net-sysfs.c
@@ -8,6 +8,10 @@ static ssize_t speed_show(struct device
 
 	if (!rtnl_trylock())
 		return restart_syscall();
+	if (!netif_device_present(netdev)) {
+		rtnl_unlock();
+		return -ENODEV;
+	}
 	if (netif_running(netdev)) {
 		struct ethtool_link_ksettings cmd;
 
-- 
 * check-output-end
 */
