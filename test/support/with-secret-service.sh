#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so that the
# keychain key provider is tested against a real Secret Service (org.freedesktop.secrets).
# Used by `npm test`; needs the Debian packages dbus and gnome-keyring (see README).
set -eu
if [ "${CLEARLINE_SECRET_SERVICE_READY:-}" = 1 ]; then exec "$@"; fi
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "npm test needs a Secret Service: install the packages dbus and gnome-keyring (sudo apt-get install -y dbus gnome-keyring), or run .ci/run" >&2
  exit 1
fi
export CLEARLINE_SECRET_SERVICE_READY=1
exec dbus-run-session -- sh -c '
  # A throwaway keyring in a temporary home, unlocked with a throwaway password.
  export XDG_DATA_HOME="$(mktemp -d)"
  echo -n clearline-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  i=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    i=$((i + 1))
    if [ "$i" -gt 100 ]; then echo "the Secret Service did not start within 10 s" >&2; exit 1; fi
    sleep 0.1
  done
  exec "$@"
' sh "$@"
