#!/usr/bin/env bash
# check-no-gtk: the core library (everything below src/ui) must not need GTK or libadwaita.
# The CLI links only the core, so its dynamic dependencies tell.
set -eu
cli=$1
deps=$(ldd "$cli")
if echo "$deps" | grep -E 'libgtk|libadwaita|libgdk'; then
  echo "case-studio-cli (the core library) links GTK" >&2
  exit 1
fi
# ...and the check itself works: the app does link GTK.
if [ $# -gt 1 ]; then
  ldd "$2" | grep -q 'libgtk-4' || { echo "sanity check failed: the app should link GTK" >&2; exit 1; }
fi
echo "core library free of GTK"
