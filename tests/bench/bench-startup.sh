#!/usr/bin/env bash
# bench-startup: time from launch to the first painted frame of the Case Studio window, on a
# library of the sample case, against the smallest libadwaita window measured in the same run.
#   bench-startup.sh APP BASELINE [RUNS]
# Starts its own Xvfb when DISPLAY is unset. Prints medians and the ratio; target: under 300 ms.
set -eu
app=$1 baseline=$2 runs=${3:-9}

tmp=$(mktemp -d)
xvfb_pid=
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 150 190); do [ -e "/tmp/.X11-unix/X$n" ] || break; done
  Xvfb ":$n" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  sleep 1
fi

export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export CASE_STUDIO_LIBRARY="$tmp/library.db" CASE_STUDIO_REPORT_FIRST_FRAME=1
export GSETTINGS_BACKEND=memory GTK_A11Y=none NO_AT_BRIDGE=1

first_frame() {
  CASE_STUDIO_LAUNCH_TIME_US=$(( $(date +%s%N) / 1000 )) timeout 20 "$1" 2>/dev/null \
    | sed -n 's/^first-frame-ms: //p'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One warm-up run each (it also creates the library and puts the sample in it).
first_frame "$app" >/dev/null
first_frame "$baseline" >/dev/null

: > "$tmp/app" ; : > "$tmp/base"
for _ in $(seq "$runs"); do
  first_frame "$app" >> "$tmp/app"
  first_frame "$baseline" >> "$tmp/base"
done

app_ms=$(median < "$tmp/app")
base_ms=$(median < "$tmp/base")
echo "startup to first frame, median of $runs runs"
echo "  case-studio:       $app_ms ms"
echo "  baseline window:   $base_ms ms"
awk -v a="$app_ms" -v b="$base_ms" 'BEGIN { printf "  ratio:             %.2f (case-studio / baseline)\n", a / b;
  printf "  target:            %s (under 300 ms)\n", (a < 300) ? "met" : "NOT met" }'
