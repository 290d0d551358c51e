/* --version prints "lockscope <version> ..." on stdout and exits 0. */
/*
 * check-name: --version starts with "lockscope " and a version number
 * check-command: lockscope --version | sed -n 's/^\(lockscope \)[0-9].*/\1VERSION/p'
 *
 * check-output-start
lockscope VERSION
 * check-output-end
 */
