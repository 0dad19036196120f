#!/usr/bin/env bash
# Installs (if needed) and starts PostgreSQL and Redis on Debian/Ubuntu, listening on 127.0.0.1 only.
# Afterwards `npm start` finds them by itself.
set -euo pipefail
SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo"
need=()
command -v pg_ctlcluster >/dev/null || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}"; fi

version=$(ls /etc/postgresql | sort -V | tail -1)
pg_isready -h 127.0.0.1 -q || $SUDO pg_ctlcluster "$version" main start
redis-cli ping >/dev/null 2>&1 || $SUDO redis-server --daemonize yes --bind 127.0.0.1 --port 6379

# npm start connects as your own user: give it a role that may create the mockroom database.
me=$(id -un)
$SUDO -u postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='$me'" | grep -q 1 \
  || $SUDO -u postgres createuser --createdb "$me"
echo "PostgreSQL and Redis are running. Start Mockroom with: npm start"
echo "(If PostgreSQL asks for a password over TCP, set DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/mockroom.)"
