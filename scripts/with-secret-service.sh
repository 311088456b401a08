#!/bin/sh
# Runs a command inside a private D-Bus session with a real, unlocked Secret Service
# (gnome-keyring), so keychain tests exercise the real thing without touching the user's own
# keyring or session:
#   scripts/with-secret-service.sh npx vitest run electron/core/keychain
#
# - dbus-run-session starts a throwaway session bus and stops it when the command ends.
# - gnome-keyring-daemon gets its own XDG_DATA_HOME and XDG_RUNTIME_DIR in a temp folder, so
#   it creates a fresh "login" keyring there (unlocked with a throwaway password) and can never
#   find and unlock a daemon of the real desktop session.
# - The password must not be empty: with an empty one gnome-keyring creates no keyring and
#   asks a prompter instead, which fails without a display.
# - The bus has no service-activation directories. Otherwise the first call that arrives
#   before our daemon has claimed org.freedesktop.secrets D-Bus-activates a second
#   gnome-keyring with dbus-daemon's environment (the real HOME, no unlocked keyring), and
#   tests fail at random. Readiness is checked with NameHasOwner, which activates nothing.
# Needs (Debian): apt-get install gnome-keyring dbus   (libsecret-tools for secret-tool, optional)
# Exit status: the command's; 127 if dbus-run-session or gnome-keyring-daemon is missing;
# 125 if the Secret Service could not be started.
set -eu

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

if [ "${PATVAULT_IN_SECRET_SERVICE:-}" = "1" ]; then
  # Already inside one (nested call): just run the command.
  exec "$@"
fi

for bin in dbus-run-session dbus-daemon gnome-keyring-daemon; do
  if ! command -v "$bin" >/dev/null 2>&1; then
    echo "with-secret-service: '$bin' not found. Install: apt-get install gnome-keyring dbus" >&2
    exit 127
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/patvault-secret-service.XXXXXX")
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -m 700 "$tmp/run" "$tmp/data"

# A session bus like the standard one, minus service activation (see above).
cat >"$tmp/session.conf" <<'EOF'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF

# dbus-daemon complains on stderr when it may not raise its fd limit (containers); keep its
# chatter in a log, shown only if starting the keyring fails.
cat >"$tmp/dbus-daemon" <<EOF
#!/bin/sh
exec dbus-daemon "\$@" 2>>"$tmp/dbus.log"
EOF
chmod +x "$tmp/dbus-daemon"

# Inside the session: start and unlock the keyring, wait until its default collection is
# there and unlocked, then run the command.
inner='
set -eu
tmp=$1; shift
printf "%s" "patvault-test-keyring" |
  XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" \
  gnome-keyring-daemon --unlock --components=secrets >"$tmp/keyring.env" 2>>"$tmp/keyring.log" || {
    echo "with-secret-service: gnome-keyring-daemon failed to start:" >&2
    cat "$tmp/keyring.log" "$tmp/dbus.log" >&2 2>/dev/null || true
    exit 125
  }
# Wait until our daemon owns the name and its default collection is unlocked (up to 10 s).
ready() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" &&
  dbus-send --session --print-reply --dest=org.freedesktop.secrets \
    /org/freedesktop/secrets/aliases/default org.freedesktop.DBus.Properties.Get \
    string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q "boolean false"
}
if command -v dbus-send >/dev/null 2>&1; then
  tries=0
  until ready; do
    tries=$((tries + 1))
    if [ "$tries" -ge 100 ]; then
      echo "with-secret-service: the Secret Service has no unlocked default keyring after 10 s:" >&2
      cat "$tmp/keyring.log" "$tmp/dbus.log" >&2 2>/dev/null || true
      exit 125
    fi
    sleep 0.1
  done
else
  sleep 1 # no dbus-send (Debian: dbus-bin, pulled in by dbus): give the daemon a moment
fi
# Watchdog: a gnome-keyring-daemon that dies under load (seen on 2 busy cores) would fail
# every later keychain test with "org.freedesktop.secrets was not provided". Start it again
# on the same keyring folder (entries on disk survive), and say so on stderr.
owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"
}
watchdog=""
if command -v dbus-send >/dev/null 2>&1; then
  (
    set +e
    while sleep 1; do
      if ! owned; then
        echo "with-secret-service: the Secret Service stopped; starting it again" >&2
        printf "%s" "patvault-test-keyring" |
          XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" \
          gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null 2>>"$tmp/keyring.log"
      fi
    done
  ) &
  watchdog=$!
fi
export PATVAULT_IN_SECRET_SERVICE=1
status=0
"$@" || status=$?
if [ -n "$watchdog" ]; then kill "$watchdog" 2>/dev/null || true; fi
exit "$status"
'

status=0
dbus-run-session --config-file="$tmp/session.conf" --dbus-daemon="$tmp/dbus-daemon" -- sh -c "$inner" sh "$tmp" "$@" || status=$?
exit "$status"
