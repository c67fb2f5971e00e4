#!/bin/sh
# The Debian packages Clearline's build and tests need (README › System packages).
set -eu
PACKAGES="python3 make g++ libsecret-1-dev dbus gnome-keyring chromium poppler-utils libnss3-tools openssl"
missing=""
for p in $PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -z "$missing" ]; then echo "system packages: all present"; exit 0; fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing:$missing"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
