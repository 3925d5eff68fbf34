#!/usr/bin/env bash
# start-wordpress.sh - fresh Debian 12 -> real WordPress on http://127.0.0.1:$WP_PORT for the e2e suite.
#   Adapted from the recipe in shared/reference/wordpress (proven on these machines).
#
#   Stack: Debian "wordpress" .deb (6.1.x, files only, extracted - no apache2), PHP 8.2 built-in
#          web server (php -S, N workers) + private MariaDB 10.11 instance in the state dir.
#   Idempotent: 1st run installs packages + WordPress; later runs only (re)start the servers.
#
#   Usage:  ./start-wordpress.sh            # install if needed, start, print credentials
#           ./start-wordpress.sh --reset    # stop, wipe state dir, install from scratch
#
#   Env:    WP_PORT (18081)  DB_PORT (33061)  WP_E2E_DIR (${TMPDIR:-/tmp}/coursethreads-wp-e2e)
#           WP_TIMEZONE (America/Chicago: a negative offset, so a UTC-for-local mix-up loses posts)
#           WP_E2E_CLEAN (1 = delete every post and comment on start, so each run begins empty)
#           WP_PHP_WORKERS (4)  WP_BOT_ROLE (editor)  WP_KEEP_SAMPLE_CONTENT (unset = delete)
#           WP_COMMENT_PREVIOUSLY_APPROVED (1 = WP default: first comment of a new author is held)
#
#   Output: $WP_E2E_DIR/credentials.json  (url + admin/bot/student1/student2 passwords & app passwords)
#           $WP_E2E_DIR/bot.env           (WP_URL, WP_USER, WP_APP_PASSWORD for the bridge bot)
#           $WP_E2E_DIR/bot-app-password  ("discord-bot:xxxx xxxx ..." - usable as curl -u)
#   Logs:   $WP_E2E_DIR/{php-server.log,wordpress/wp-content/debug.log,db/error.log}
set -Eeuo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WP_PORT=${WP_PORT:-18081}
DB_PORT=${DB_PORT:-33061}
STATE=${WP_E2E_DIR:-${TMPDIR:-/tmp}/coursethreads-wp-e2e}
WORKERS=${WP_PHP_WORKERS:-4}
URL="http://127.0.0.1:$WP_PORT"
WP="$STATE/wordpress"
DB="$STATE/db"
SOCK="$DB/mysqld.sock"
ME=$(id -un)
T0=$EPOCHREALTIME

log() { printf '[wp-e2e %ss] %s\n' "$(awk -v a="$EPOCHREALTIME" -v b="$T0" 'BEGIN{printf "%6.2f", a-b}')" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
sql() { mariadb --no-defaults --socket="$SOCK" -u"$ME" "$@"; }

if [[ ${1:-} == --reset ]]; then
  "$SCRIPT_DIR/stop-wordpress.sh" --purge || true
fi

# --------------------------------------------------------------------------- 1. packages
PKGS=(php-cli php-mysql php-xml php-mbstring php-curl php-gd php-intl
      php-getid3 libjs-underscore libjs-cropper            # targets of symlinks inside the wordpress .deb
      mariadb-server-core mariadb-client-core              # mariadbd + mariadb-install-db + mariadb client; no system service
      php-codesniffer                                      # phpcs for the companion plugin's coding-standard test
      curl ca-certificates)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=; [[ $EUID -ne 0 ]] && SUDO=sudo
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      -o DPkg::Lock::Timeout=120 "${missing[@]}" >/dev/null
  log "packages installed"
fi

mkdir -p "$STATE"

# --------------------------------------------------------------------------- 2. WordPress files
if [[ ! -f $WP/wp-settings.php ]]; then
  log "fetching Debian wordpress .deb (files only; avoids apache2/libapache2-mod-php dependencies)"
  rm -rf "$STATE/debs" "$WP"; mkdir -p "$STATE/debs/x"
  (cd "$STATE/debs" && apt-get download -qq wordpress wordpress-theme-twentytwentythree 2>&1 \
      | grep -v 'Download is performed unsandboxed' || true)
  for d in "$STATE"/debs/*.deb; do dpkg-deb -x "$d" "$STATE/debs/x"; done
  cp -a "$STATE/debs/x/usr/share/wordpress" "$WP"
  rm -f "$WP/wp-config.php" "$WP/.htaccess"     # Debian's wp-config looks in /etc/wordpress; we use our own
  mkdir -p "$WP/wp-content/uploads" "$WP/wp-content/mu-plugins" "$WP/wp-content/upgrade"
  rm -rf "$STATE/debs"
fi

# mu-plugin: no mail (there is no MTA; wp_mail would shell out to a missing sendmail)
cat > "$WP/wp-content/mu-plugins/e2e.php" <<'PHP'
<?php
add_filter('pre_wp_mail', '__return_false');
if (getenv('WP_E2E_NO_DUPLICATE_CHECK')) { add_filter('duplicate_comment_id', '__return_false'); }
PHP

# wp-config.php is regenerated on every start (ports may change; WP_HOME/WP_SITEURL override the DB values)
cat > "$WP/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', '127.0.0.1:$DB_PORT');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
foreach (['AUTH_KEY','SECURE_AUTH_KEY','LOGGED_IN_KEY','NONCE_KEY','AUTH_SALT','SECURE_AUTH_SALT','LOGGED_IN_SALT','NONCE_SALT'] as \$k) define(\$k, 'e2e-not-secret-' . \$k);
\$table_prefix = 'wp_';
define('WP_ENVIRONMENT_TYPE', 'local');   // Application Passwords over plain http need 'local'
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', true);             // -> wp-content/debug.log
define('WP_DEBUG_DISPLAY', false);        // never print PHP 8.2 deprecations into REST JSON
define('DISABLE_WP_CRON', true);          // deterministic; hit /wp-cron.php to run scheduled posts
define('WP_HTTP_BLOCK_EXTERNAL', true);   // CI is offline: fail fast instead of waiting on api.wordpress.org
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

# Router for php -S: real files are served as-is, everything else goes to index.php (pretty permalinks)
cat > "$STATE/router.php" <<'PHP'
<?php
$root = $_SERVER['DOCUMENT_ROOT'];
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if ($path !== '/' && file_exists($root . $path)) {
    if (!is_dir($root . $path) || file_exists(rtrim($root . $path, '/') . '/index.php')) {
        return false;
    }
}
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir($root);
require $root . '/index.php';
PHP

# --------------------------------------------------------------------------- 3. MariaDB (private instance)
if [[ -f $DB/mysqld.pid ]] && kill -0 "$(cat "$DB/mysqld.pid")" 2>/dev/null; then
  log "MariaDB already running (pid $(cat "$DB/mysqld.pid"))"
else
  port_busy "$DB_PORT" && die "port $DB_PORT is in use (set DB_PORT)"
  if [[ ! -d $DB/data/mysql ]]; then
    log "initialising MariaDB datadir"
    mkdir -p "$DB"
    extra=(); [[ $ME != root ]] && extra=(--auth-root-socket-user="$ME")   # unix_socket login for the CI user
    mariadb-install-db --no-defaults --datadir="$DB/data" --user="$ME" \
        --auth-root-authentication-method=socket "${extra[@]}" \
        --skip-test-db --innodb-log-file-size=16M >"$DB/install-db.log" 2>&1 \
      || { cat "$DB/install-db.log" >&2; die "mariadb-install-db failed"; }
  fi
  log "starting MariaDB on 127.0.0.1:$DB_PORT"
  setsid /usr/sbin/mariadbd --no-defaults --datadir="$DB/data" --socket="$SOCK" \
      --pid-file="$DB/mysqld.pid" --port="$DB_PORT" --bind-address=127.0.0.1 --user="$ME" \
      --log-error="$DB/error.log" --skip-name-resolve --performance-schema=OFF \
      --innodb-buffer-pool-size=64M --innodb-log-file-size=16M \
      --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      </dev/null >/dev/null 2>&1 &
  for i in $(seq 1 300); do sql -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.1; done
  sql -e 'SELECT 1' >/dev/null 2>&1 || { tail -20 "$DB/error.log" >&2; die "MariaDB did not come up"; }
fi
sql -e "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE USER IF NOT EXISTS 'wp'@'127.0.0.1' IDENTIFIED BY 'wp';
        CREATE USER IF NOT EXISTS 'wp'@'localhost' IDENTIFIED BY 'wp';
        GRANT ALL ON wordpress.* TO 'wp'@'127.0.0.1';
        GRANT ALL ON wordpress.* TO 'wp'@'localhost';"
log "MariaDB ready"

# --------------------------------------------------------------------------- 4. install WordPress + fixture users
cat > "$STATE/setup.php" <<'PHP'
<?php
// php setup.php WP_ROOT SITE_URL STATE_DIR   - wp_install() + users + application passwords
[, $root, $url, $state] = $argv;
$p = parse_url($url);
$_SERVER += ['HTTP_HOST' => $p['host'] . ':' . $p['port'], 'SERVER_NAME' => $p['host'], 'SERVER_PORT' => $p['port'],
             'REQUEST_URI' => '/', 'SERVER_PROTOCOL' => 'HTTP/1.1', 'REQUEST_METHOD' => 'GET', 'REMOTE_ADDR' => '127.0.0.1'];
define('WP_INSTALLING', true);
require $root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
// Settings the tests rely on are applied on every start, so a kept state dir follows the env.
function apply_settings() {
    update_option('timezone_string', getenv('WP_TIMEZONE') ?: 'America/Chicago');
    update_option('gmt_offset', '');
    $cpa = getenv('WP_COMMENT_PREVIOUSLY_APPROVED');
    update_option('comment_previously_approved', $cpa === false ? 1 : (int) $cpa);
    if (getenv('WP_E2E_CLEAN') === '1') {
        foreach (get_comments(['status' => 'all', 'type' => 'all', 'number' => 0]) as $c) { wp_delete_comment($c->comment_ID, true); }
        foreach (get_comments(['status' => 'spam', 'number' => 0]) as $c) { wp_delete_comment($c->comment_ID, true); }
        foreach (get_comments(['status' => 'trash', 'number' => 0]) as $c) { wp_delete_comment($c->comment_ID, true); }
        foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $post) { wp_delete_post($post->ID, true); }
        foreach (get_posts(['post_type' => 'any', 'post_status' => 'trash', 'numberposts' => -1]) as $post) { wp_delete_post($post->ID, true); }
    }
}
if (is_blog_installed()) { apply_settings(); echo "WordPress already installed\n"; exit(0); }

$admin_pass = getenv('WP_ADMIN_PASSWORD') ?: 'admin-pass';
wp_install('Course Blog (E2E)', 'admin', 'admin@example.test', false, '', wp_slash($admin_pass), 'en_US');
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
apply_settings();
flush_rewrite_rules(false);
if (!getenv('WP_KEEP_SAMPLE_CONTENT')) {      // drop "Hello world!" + its comment, "Sample Page", privacy draft
    foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $post) {
        wp_delete_post($post->ID, true);
    }
}
function app_pass($id) { return WP_Application_Passwords::create_new_application_password($id, ['name' => 'e2e'])[0]; }
function mkuser($login, $role, $display) {
    $id = wp_insert_user(['user_login' => $login, 'user_pass' => "$login-pass", 'user_email' => "$login@example.test",
                          'display_name' => $display, 'first_name' => $display, 'role' => $role]);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
    return ['id' => $id, 'login' => $login, 'password' => "$login-pass", 'app_password' => app_pass($id),
            'role' => $role, 'email' => "$login@example.test", 'display_name' => $display];
}
$users = [
    'admin'    => ['id' => 1, 'login' => 'admin', 'password' => $admin_pass, 'app_password' => app_pass(1),
                   'role' => 'administrator', 'email' => 'admin@example.test'],
    // editor has moderate_comments: its comments are not flood-throttled and it may set status/author
    'bot'      => mkuser('discord-bot', getenv('WP_BOT_ROLE') ?: 'editor', 'Discord Bridge'),
    'student1' => mkuser('student1', 'author', 'Alice Student'),
    'student2' => mkuser('student2', 'author', 'Bob Student'),
];
$j = JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES;
file_put_contents("$state/credentials.json", json_encode(['url' => $url, 'rest' => "$url/wp-json/", 'users' => $users], $j) . "\n");
$b = $users['bot'];
file_put_contents("$state/bot.env", "WP_URL=$url\nWP_USER={$b['login']}\nWP_APP_PASSWORD=\"{$b['app_password']}\"\n");
file_put_contents("$state/bot-app-password", "{$b['login']}:{$b['app_password']}\n");
echo "WordPress installed\n";
PHP
out=$(cd "$STATE" && php setup.php "$WP" "$URL" "$STATE" 2>"$STATE/setup.err") \
  || { cat "$STATE/setup.err" >&2; die "WordPress install failed"; }
log "$out"

# --------------------------------------------------------------------------- 5. PHP built-in server
if [[ -f $STATE/php.pid ]] && kill -0 "$(cat "$STATE/php.pid")" 2>/dev/null; then
  log "php -S already running (pid $(cat "$STATE/php.pid"))"
else
  port_busy "$WP_PORT" && die "port $WP_PORT is in use (set WP_PORT)"
  log "starting php -S 127.0.0.1:$WP_PORT ($WORKERS workers)"
  # setsid: own process group, so stop can kill master + forked workers together
  PHP_CLI_SERVER_WORKERS=$WORKERS setsid php -d memory_limit=256M -d upload_max_filesize=16M -d post_max_size=16M \
      -S "127.0.0.1:$WP_PORT" -t "$WP" "$STATE/router.php" </dev/null >>"$STATE/php-server.log" 2>&1 &
  echo $! > "$STATE/php.pid"
fi
for i in $(seq 1 300); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$URL/wp-json/" || true) == 200 ]] && break; sleep 0.1
done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$URL/wp-json/") == 200 ]] || { tail -20 "$STATE/php-server.log" >&2; die "WordPress not answering"; }

log "READY  $URL  (REST: $URL/wp-json/wp/v2/ , creds: $STATE/credentials.json , bot: $STATE/bot.env)"
