#!/usr/bin/env bash
# A trial Callbrief team server on this machine (Debian/Ubuntu), in one command:
#   make team-server            (or scripts/start-team-server.sh after `make test` installed .venv)
#
# 1. installs PostgreSQL and openssl if missing (through scripts/install-system-packages.sh);
# 2. starts the system's PostgreSQL cluster with pg_ctlcluster (works with or without systemd)
#    and makes a `callbrief` role (random password) and database;
# 3. makes a self-signed certificate for localhost / 127.0.0.1;
# 4. writes build/team-server/server.toml, runs `callbrief-server init`, adds the user `admin`
#    with a random password (in build/team-server/admin-password, readable by you only);
# 5. serves on https://127.0.0.1:8443 until Ctrl+C.
# Running it again reuses everything it made. CALLBRIEF_SERVER_HOME and CALLBRIEF_SERVER_PORT
# choose another folder or port. For a company set-up see docs/team-server.md.
set -euo pipefail
cd "$(dirname "$0")/.."
home=${CALLBRIEF_SERVER_HOME:-$PWD/build/team-server}
port=${CALLBRIEF_SERVER_PORT:-8443}
# `python -m server` is the callbrief-server console script, run from this checkout.
cli=(.venv/bin/python -m server --config "$home/server.toml")
say() { printf '[team-server] %s\n' "$*"; }

.venv/bin/python -c "import server.app" 2>/dev/null \
  || { echo "Run 'make team-server' (it installs .venv with the server's packages)." >&2; exit 1; }
scripts/install-system-packages.sh postgresql openssl

if [ "$(id -u)" -eq 0 ]; then as_postgres=(runuser -u postgres --); else as_postgres=(sudo -u postgres); fi
psql() { "${as_postgres[@]}" psql -X -q -v ON_ERROR_STOP=1 -p "$pg_port" "$@"; }

read -r pg_version pg_cluster pg_port pg_status _ < <(pg_lsclusters --no-header | head -n 1) || true
if [ -z "${pg_version:-}" ]; then
  pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  say "creating PostgreSQL $pg_version cluster 'main'"
  pg_createcluster "$pg_version" main >/dev/null
  read -r pg_version pg_cluster pg_port pg_status _ < <(pg_lsclusters --no-header | head -n 1)
fi
if [ "$pg_status" != "online" ]; then
  say "starting PostgreSQL $pg_version/$pg_cluster on port $pg_port"
  if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster "$pg_version" "$pg_cluster" start
  else sudo pg_ctlcluster "$pg_version" "$pg_cluster" start; fi
fi

mkdir -p "$home"
chmod 700 "$home"
umask 077
if [ ! -s "$home/db-password" ]; then
  openssl rand -hex 24 >"$home/db-password"
fi
db_password=$(cat "$home/db-password")
if [ -z "$(psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'callbrief'")" ]; then
  say "creating the PostgreSQL role and database 'callbrief'"
  psql -c "CREATE ROLE callbrief LOGIN"
fi
# Set every time: the password file is the truth (a removed build/ folder makes a new one).
psql -c "ALTER ROLE callbrief PASSWORD '$db_password'"
if [ -z "$(psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'callbrief'")" ]; then
  psql -c "CREATE DATABASE callbrief OWNER callbrief"
fi

if [ ! -s "$home/server.pem" ]; then
  say "making a self-signed certificate for localhost and 127.0.0.1"
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$home/server.key" -out "$home/server.pem" 2>/dev/null
fi
cat >"$home/server.toml" <<TOML
# Written by scripts/start-team-server.sh (a trial set-up; see docs/team-server.md).
[server]
database_url = "postgresql+psycopg://callbrief:$db_password@127.0.0.1:$pg_port/callbrief"
host = "127.0.0.1"
port = $port
tls_cert = "server.pem"
tls_key = "server.key"
TOML

"${cli[@]}" init
if [ ! -s "$home/admin-password" ]; then
  openssl rand -hex 12 >"$home/admin-password"
  "${cli[@]}" add-user admin --password-file "$home/admin-password"
fi
say "user: admin, password in $home/admin-password; certificate: $home/server.pem"
say "serving on https://127.0.0.1:$port (Ctrl+C stops it; PostgreSQL keeps running)"
exec "${cli[@]}" serve
