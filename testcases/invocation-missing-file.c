/* A file that does not exist: an error naming it, not a silent pass. */
/*
 * check-name: a missing input file is an error naming it, exit status 1
 * check-command: lockscope -Iinclude no-such-file.c
 * check-exit-value: 1
 *
 * check-error-start
lockscope: cannot read 'no-such-file.c': No such file or directory
 * check-error-end
 */
