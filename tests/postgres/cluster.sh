#!/usr/bin/env bash
# A private PostgreSQL cluster for the SQL tests: `start` installs Debian's postgresql package when absent, creates a
# cluster as the postgres user (initdb refuses root) on a free loopback port, and prints its connection string;
# `stop` stops it. Messages go to standard error, so `export X=$(bash tests/postgres/cluster.sh start)` works.
set -euo pipefail
dir=${CUSTOMER_SUCCESS_POSTGRES_DIR:-/tmp/customer-success-postgres}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sudo -u postgres sh -c "$1"; fi
}

server_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

case "${1:-}" in
  start)
    bin=$(server_bin || true)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
      echo "installing postgresql (Debian's package)" >&2
      if [ "$(id -u)" -eq 0 ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
      "${apt_get[@]}" update -qq >&2
      DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq postgresql > /dev/null
      bin=$(server_bin)
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    if [ -f "$dir/data/postmaster.pid" ]; then as_postgres "'$bin/pg_ctl' -D '$dir/data' -m immediate stop" >&2 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    as_postgres "'$bin/initdb' -D '$dir/data' -A trust -U postgres -E UTF8 --no-sync > '$dir/initdb.log'"
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >&2
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    bin=$(server_bin || true)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
      as_postgres "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >&2
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
