/* An option lockscope does not know, starting with "--": refused, named. */
static int unused;
/*
 * check-name: an unknown --option is an error naming it, exit status 1
 * check-command: lockscope -Iinclude --bogus $file
 * check-exit-value: 1
 *
 * check-error-start
lockscope: unknown option '--bogus' (see lockscope --help)
 * check-error-end
 */
