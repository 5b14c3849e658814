#!/usr/bin/env bash
# Builds the Linux installer (a .deb with its own Java runtime) from terminal-app/target/medcard-terminal.jar
# with the JDK's jpackage. Needs dpkg-deb and fakeroot (Debian: apt-get install fakeroot).
#   packaging/build-deb.sh            # uses the jar `mvn package` made
#   packaging/build-deb.sh --build    # runs `mvn -B -o -pl terminal-app -am package -DskipTests` first
# Output: terminal-app/target/installer/medcard-terminal_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--build" ]; then
  mvn -B -q -o -pl terminal-app -am package -DskipTests
fi

jar=terminal-app/target/medcard-terminal.jar
[ -f "$jar" ] || { echo "build-deb: $jar missing; run mvn package first (or pass --build)" >&2; exit 1; }
for tool in jpackage dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool not found (jpackage is in the JDK; apt-get install dpkg fakeroot)" >&2; exit 1; }
done

# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
version=$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')
[ -n "$version" ] || { echo "build-deb: no Implementation-Version in $jar" >&2; exit 1; }

work=terminal-app/target/jpackage
rm -rf "$work" terminal-app/target/installer
mkdir -p "$work/input" terminal-app/target/installer
cp "$jar" "$work/input/"

# Class-data sharing (issue 17): the class list of a start to the sign-in window, made here (needs $DISPLAY or Xvfb),
# and the script the postinst runs to dump the archive with the installed runtime (packaging/deb/). Without a display
# the package is built without it and the app starts as before.
cp packaging/deb/medcard-appcds.sh "$work/input/"
if ! packaging/appcds.sh --class-list "$work/input/medcard-terminal.classlist" "$jar"; then
  echo "build-deb: no class list (no display?): the package makes no AppCDS archive" >&2
  rm -f "$work/input/medcard-terminal.classlist"
fi

# The runtime's modules: jdeps' list for the jar, plus what it cannot see: GB18030 for card names
# (jdk.charsets), Chinese formats (jdk.localedata), TLS with EC keys (jdk.crypto.ec), logback's XML
# configuration and JMX, java.util.logging and prefs used by Swing, and the Flight Recorder (jdk.jfr) whose
# events card-protocol and offline-queue commit (docs/performance.md).
# Depends: the PC/SC service and library, and a Chinese TrueType font (fonts-wqy-microhei) so the screen and the
# PDF receipts show Chinese out of the box (issue 15); check-deb.sh reads the control file and insists on all three.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.smartcardio,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.localedata,jdk.net,jdk.unsupported

jpackage --type deb \
  --name medcard-terminal \
  --app-version "$version" \
  --vendor "MedCard" \
  --description "MedCard Terminal: medical-insurance card counter software for pharmacies and hospitals" \
  --copyright "MedCard" \
  --input "$work/input" \
  --main-jar medcard-terminal.jar \
  --main-class org.medcard.terminal.main.TerminalMain \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands" \
  --java-options "-Dfile.encoding=UTF-8" \
  --java-options '-XX:SharedArchiveFile=$APPDIR/medcard-terminal.jsa' \
  --resource-dir packaging/deb \
  --linux-package-name medcard-terminal \
  --linux-app-category misc \
  --linux-deb-maintainer "it@medcard.example" \
  --linux-package-deps "pcscd, libpcsclite1, fonts-wqy-microhei" \
  --linux-shortcut \
  --install-dir /opt \
  --temp "$work/tmp" \
  --dest terminal-app/target/installer

ls -l terminal-app/target/installer/*.deb
