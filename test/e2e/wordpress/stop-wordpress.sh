#!/usr/bin/env bash
# stop-wordpress.sh - (from shared/reference/wordpress) stop the php -S server and the private MariaDB started by start-wordpress.sh.
#   ./stop-wordpress.sh           # stop, keep data (next start takes ~1 s)
#   ./stop-wordpress.sh --purge   # stop and delete the state dir (next start re-installs WordPress)
set -uo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=${WP_E2E_DIR:-${TMPDIR:-/tmp}/coursethreads-wp-e2e}

wait_gone() { for i in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done; return 1; }

if [[ -f $STATE/php.pid ]]; then
  pid=$(cat "$STATE/php.pid")
  # php -S with PHP_CLI_SERVER_WORKERS forks workers; killing only the master leaves them serving.
  # The server was started with setsid, so its pid is also its process-group id.
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    wait_gone "$pid" || kill -KILL -- "-$pid" 2>/dev/null
    echo "stopped php -S (pgid $pid)"
  fi
  rm -f "$STATE/php.pid"
fi

if [[ -f $STATE/db/mysqld.pid ]]; then
  pid=$(cat "$STATE/db/mysqld.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"                               # clean InnoDB shutdown
    wait_gone "$pid" || { sleep 5; kill -KILL "$pid" 2>/dev/null; }
    echo "stopped mariadbd (pid $pid)"
  fi
fi

if [[ ${1:-} == --purge ]]; then
  rm -rf "$STATE" && echo "removed $STATE"
fi
exit 0
