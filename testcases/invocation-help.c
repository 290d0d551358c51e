/* --help prints the usage on stdout and exits 0, whatever else is given. */
/*
 * check-name: --help prints the usage and exits 0
 * check-command: lockscope --help | sed -n '1p; /--no-sparse-warnings/p'
 *
 * check-output-start
Usage: lockscope [options] [sparse and gcc options] file.c...
  --no-sparse-warnings   silence sparse's own warnings, keep lockscope's
 * check-output-end
 */
