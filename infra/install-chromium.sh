#!/usr/bin/env bash
# Installs Debian's Chromium, which the browser test (ReportBrowserITCase) opens the HTML report
# and the cluster charts in, headless. Does nothing when /usr/bin/chromium is there. Safe to run again.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: no apt-get here; install Chromium so that /usr/bin/chromium exists" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "installing Chromium ..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium || { echo "error: apt-get installed no /usr/bin/chromium" >&2; exit 1; }
echo "installed $(/usr/bin/chromium --version 2>/dev/null)" >&2
