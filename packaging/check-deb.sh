#!/usr/bin/env bash
# Unpacks the .deb build-deb.sh made into a temporary root (dpkg -x: no root rights, nothing installed on
# the machine) and runs the installed launcher: --version, readers, and a training sale with the built-in
# simulator, with HOME and XDG_DATA_HOME in the temporary root. Checks the app data and the native
# libraries' unpack folders land in the user's data folder (~/.local/share/medcard), not in /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=$(ls terminal-app/target/installer/medcard-terminal_*.deb 2>/dev/null | head -n 1 || true)
[ -n "$deb" ] || { echo "check-deb: no .deb in terminal-app/target/installer; run packaging/build-deb.sh" >&2; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb --info "$deb" | sed -n 's/^ *\(Package\|Version\|Architecture\|Depends\|Installed-Size\):/  \1:/p'
# The control file's Depends: the PC/SC service and library, and a Chinese font for the screen and the PDF receipts.
depends=$(dpkg-deb --field "$deb" Depends)
for dep in pcscd libpcsclite1 fonts-wqy-microhei; do
  echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$dep" \
    || { echo "check-deb: the package does not depend on $dep (Depends: $depends)" >&2; exit 1; }
done
dpkg -x "$deb" "$root"
launcher="$root/opt/medcard-terminal/bin/medcard-terminal"
[ -x "$launcher" ] || { echo "check-deb: launcher $launcher missing" >&2; exit 1; }

export HOME="$root/home" XDG_DATA_HOME="$root/home/.local/share"
# The JVM's temp folder moved into the root too, to see that nothing native lands there.
export JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$root/systmp"
mkdir -p "$HOME" "$root/systmp"
cd "$root"
app="$root/opt/medcard-terminal/lib/app"
if [ -f "$app/medcard-terminal.classlist" ]; then
  # What the postinst does after dpkg -i, here in the temporary root (the archive holds the runtime's path).
  echo "== class-data sharing archive (postinst: medcard-appcds.sh)"
  sh "$app/medcard-appcds.sh" "$root/opt/medcard-terminal"
  [ -f "$app/medcard-terminal.jsa" ] || { echo "check-deb: medcard-appcds.sh made no archive" >&2; exit 1; }
  # -Xshare:on refuses to start when the archive cannot be used: the launcher really maps it.
  JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Xshare:on" "$launcher" --version >/dev/null 2>"$root/cds.err" \
    || { echo "check-deb: the launcher cannot use its archive: $(tail -3 "$root/cds.err")" >&2; exit 1; }
  echo "  $(du -h "$app/medcard-terminal.jsa" | cut -f1) archive, used by the launcher (-Xshare:on starts)"
fi
echo "== medcard-terminal --version"; "$launcher" --version
echo "== medcard-terminal readers"; "$launcher" readers
echo "== training sale (simulator, embedded center)"
echo 123456 | "$launcher" sale --reader simulator --psam-reader simulator --items XB05XAL013:1 --pin-stdin --json 2>/dev/null \
  | tee "$root/sale.json"
grep -q '"outcome":"SETTLED"' "$root/sale.json" || { echo "check-deb: the training sale did not settle" >&2; exit 1; }
data="$XDG_DATA_HOME/medcard"
for f in queue.db terminal.db terminal.key; do
  [ -f "$data/$f" ] || { echo "check-deb: $data/$f missing" >&2; exit 1; }
done
# sqlite-jdbc deletes its unpacked library at exit: the folder exists, and the JVM's temp folder stayed clean.
[ -d "$data/native/sqlite" ] || { echo "check-deb: $data/native/sqlite missing" >&2; exit 1; }
ls "$data"/native/jserialcomm/*/libjSerialComm.so >/dev/null || { echo "check-deb: jSerialComm's library not under $data/native/jserialcomm" >&2; exit 1; }
if ls "$root/systmp" | grep -qi 'sqlite\|jserialcomm'; then
  echo "check-deb: a native library was unpacked into java.io.tmpdir: $(ls "$root/systmp")" >&2; exit 1
fi
echo "check-deb: OK - app data in $data ($(ls "$data" | tr '\n' ' ')); native: $(cd "$data" && find native -type f -o -type d -empty | tr '\n' ' ')"
