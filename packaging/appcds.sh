#!/usr/bin/env bash
# Makes the class-data-sharing archive (AppCDS) of the desktop app's jar (issue 17: the window comes up about a
# third sooner with it; docs/performance.md). Two steps, about a minute:
#   1. runs the jar (fresh data folder, TRAINING MODE) on $DISPLAY - or on a private Xvfb when there is no display -
#      until its sign-in screen is ready and a few seconds after, listing every class it loaded;
#   2. dumps those classes into <jar dir>/medcard-terminal.jsa (java -Xshare:dump).
# Usage: packaging/appcds.sh [path/to/medcard-terminal.jar]      (default terminal-app/target/medcard-terminal.jar)
# Then start the app with packaging/medcard-terminal.sh (beside the jar) or
#   java -XX:SharedArchiveFile=<dir>/medcard-terminal.jsa -Xshare:auto -jar <dir>/medcard-terminal.jar
# The archive holds the jar's absolute path, size and time and the JDK's build: with another jar, another path or
# another JDK the JVM ignores it (-Xshare:auto) and starts as without it. Make it again after each build.
# Or: packaging/appcds.sh --class-list FILE [jar]  writes step 1's class list to FILE and stops (build-deb.sh ships it
# in the .deb, whose postinst dumps the archive with the installed runtime: an archive holds the runtime's exact path).
set -euo pipefail
cd "$(dirname "$0")/.."
list_only=
if [ "${1:-}" = "--class-list" ]; then
  list_only=$(cd "$(dirname "$2")" && pwd -P)/$(basename "$2")
  shift 2
fi
jar=${1:-terminal-app/target/medcard-terminal.jar}
[ -f "$jar" ] || { echo "appcds: $jar missing; run mvn package first" >&2; exit 1; }
dir=$(cd "$(dirname "$jar")" && pwd -P)
jar="$dir/$(basename "$jar")"
archive="$dir/medcard-terminal.jsa"
work=$(mktemp -d)
xvfb=
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A local display named but not served (a test display before its Xvfb started) counts as none.
case "${DISPLAY:-}" in
  :[0-9]*) [ -e "/tmp/.X11-unix/X$(echo "${DISPLAY#:}" | cut -d. -f1)" ] || DISPLAY= ;;
esac
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "appcds: no DISPLAY and no Xvfb (apt-get install xvfb)" >&2; exit 1; }
  for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || break; done
  Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  export DISPLAY=":$n"
  sleep 1
fi

java -Duser.home="$work/home" -Dmedcard.log.level=INFO -XX:DumpLoadedClassList="$work/classes.lst" -jar "$jar" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 240); do
  grep -q "Sign-in screen ready" "$work/app.log" && break
  kill -0 "$app" 2>/dev/null || { echo "appcds: the app stopped before its window:" >&2; tail -5 "$work/app.log" >&2; exit 1; }
  sleep 0.5
done
grep -q "Sign-in screen ready" "$work/app.log" || { echo "appcds: no sign-in screen within 120 s" >&2; exit 1; }
sleep 5 # the terminal opens behind the window: its classes are part of a start too
kill "$app"; wait "$app" 2>/dev/null || true
app=

if [ -n "$list_only" ]; then
  cp "$work/classes.lst" "$list_only"
  echo "appcds: $list_only ($(wc -l <"$list_only") classes listed)"
  exit 0
fi

rm -f "$archive"
java -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$archive" -cp "$jar" \
  >"$work/dump.log" 2>&1 || { echo "appcds: dump failed:" >&2; tail -5 "$work/dump.log" >&2; exit 1; }
echo "appcds: $archive ($(du -h "$archive" | cut -f1), $(grep -vc '^#' "$work/classes.lst") classes listed)"
