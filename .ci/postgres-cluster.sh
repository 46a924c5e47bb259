# Sourced by .ci/run (and usable by hand: `source .ci/postgres-cluster.sh; pg_start; …; pg_stop`).
# pg_start installs PostgreSQL from the Debian packages when it is missing, creates a throw-away cluster in a temporary
# folder, starts it on 127.0.0.1 on a free port and exports CUSTOMERSUCCESS_POSTGRES; pg_stop stops it and removes the
# folder. The server refuses to run as root, so as root the cluster belongs to the `postgres` user.

pg_dir=""
pg_bin=""

pg_find_bin() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ]
}

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_start() {
  if ! pg_find_bin; then
    echo "PostgreSQL is not installed: installing the Debian package"
    apt-cache policy postgresql 2>/dev/null | head -n 3
    if [ "$(id -u)" -eq 0 ]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || return 1
    else
      echo "not root: cannot install postgresql" >&2
      return 1
    fi
    pg_find_bin || return 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres || return 1
  fi

  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/customersuccess-pg.XXXXXX") || return 1
  chmod 700 "$pg_dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()') || return 1
  pg_as_owner "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; return 1; }
  pg_as_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; return 1; }
  export CUSTOMERSUCCESS_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=20"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (cluster in $pg_dir)"
}

pg_stop() {
  [ -n "$pg_dir" ] || return 0
  if [ -d "$pg_dir/data" ]; then
    pg_as_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
  pg_dir=""
  unset CUSTOMERSUCCESS_POSTGRES
}
