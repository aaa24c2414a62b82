#!/usr/bin/env bash
# Starts the local PostgreSQL cluster when nothing answers on 127.0.0.1:5432, and makes sure the
# database the tests and the README use exists. Safe to run again.
set -euo pipefail

host="${PGHOST:-127.0.0.1}"
port="${PGPORT:-5432}"
db="${SEGMENTS_PG_DATABASE:-test}"

if ! command -v pg_isready >/dev/null 2>&1; then
  echo "error: PostgreSQL client tools are not installed (apt-get install postgresql)" >&2
  exit 1
fi

if ! pg_isready -q -h "$host" -p "$port"; then
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$version" ]; then
    echo "error: no PostgreSQL cluster under /etc/postgresql; install one (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "starting PostgreSQL $version ..." >&2
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do
    pg_isready -q -h "$host" -p "$port" && break
    sleep 1
  done
fi
pg_isready -h "$host" -p "$port"

if ! psql -h "$host" -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  psql -h "$host" -p "$port" -U postgres -c "CREATE DATABASE $db" >/dev/null
  echo "created database $db" >&2
fi
