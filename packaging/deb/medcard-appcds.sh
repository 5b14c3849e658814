#!/bin/sh
# Makes the app's class-data-sharing archive (AppCDS, issue 17) with the installed runtime: the .deb's postinst runs
# it after every install or upgrade. An archive records the runtime's and the jar's exact paths, so it cannot be made
# at build time; the class list it is made from (lib/app/medcard-terminal.classlist) is made at build time by
# packaging/appcds.sh --class-list. The launcher's options name the archive (-XX:SharedArchiveFile=$APPDIR/...):
# while it is missing or stale the JVM starts as without it. Never fails the install.
# Usage: medcard-appcds.sh [install dir]      (default /opt/medcard-terminal)
top=${1:-/opt/medcard-terminal}
app="$top/lib/app"
rm -f "$app/medcard-terminal.jsa"
[ -f "$app/medcard-terminal.classlist" ] || exit 0
# JAVA_TOOL_OPTIONS reaches the launcher's JVM; the archive's path comes from the launcher's own options.
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/medcard-terminal.classlist" "$top/bin/medcard-terminal" \
  >/dev/null 2>&1 || rm -f "$app/medcard-terminal.jsa"
exit 0
