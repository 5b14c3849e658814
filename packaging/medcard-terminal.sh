#!/usr/bin/env sh
# Starts the desktop app's jar with its class-data-sharing archive when there is one beside it (packaging/appcds.sh
# makes it; without it, or with a stale one, the JVM starts as usual). Copy this script beside medcard-terminal.jar.
dir=$(cd "$(dirname "$0")" && pwd -P)
jar="$dir/medcard-terminal.jar"
[ -f "$jar" ] || jar="$dir/../terminal-app/target/medcard-terminal.jar"
jar="$(cd "$(dirname "$jar")" && pwd -P)/medcard-terminal.jar"
exec java -XX:SharedArchiveFile="$(dirname "$jar")/medcard-terminal.jsa" -Xshare:auto -jar "$jar" "$@"
