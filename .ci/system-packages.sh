#!/usr/bin/env bash
# The one list of Debian/Ubuntu packages clerk_app needs beyond Python, shared by `make run`
# (the GUI) and `.ci/run` (the tests).
#
#   .ci/system-packages.sh gui    what the window needs (Qt 6's xcb platform plugin)
#   .ci/system-packages.sh test   what the test suite needs, the GUI's libraries included
#   .ci/system-packages.sh list gui|test   print the list and nothing else
#
# Missing packages are installed when this runs as root or sudo needs no password; otherwise
# it prints the exact command to run and exits with 3, before anything starts. On a system
# without dpkg (not Debian/Ubuntu) it does nothing.
set -euo pipefail

# Qt 6's list for the xcb plugin (doc.qt.io, "Qt for X11 Requirements"), plus OpenGL/EGL,
# fontconfig and D-Bus, which PySide6's wheels link against.
GUI_PACKAGES=(
  libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libx11-6 libx11-xcb1 libxext6 libxrender1 libxkbcommon0 libxkbcommon-x11-0
  libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-util1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
)
# Tests: make, pdftotext/pdftoppm (PDF checks), zbarimg (barcodes), PostgreSQL (every
# database test runs on both back-ends; pg_dump/pg_restore of the backup tests come with the
# client), Xvfb (the GUI started on a virtual screen), setpriv (a test drops root's rights).
TEST_PACKAGES=(make poppler-utils zbar-tools postgresql postgresql-contrib postgresql-client
               xvfb xauth util-linux)

packages_for() {
  case "$1" in
    gui) printf '%s\n' "${GUI_PACKAGES[@]}" ;;
    test) printf '%s\n' "${GUI_PACKAGES[@]}" "${TEST_PACKAGES[@]}" ;;
    *) echo "usage: $0 gui|test|list gui|test" >&2; exit 2 ;;
  esac
}

missing_packages() {
  local pkg
  for pkg in $(packages_for "$1"); do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
      || echo "$pkg"
  done
}

if [ "${1:-}" = "list" ]; then
  packages_for "${2:-}"
  exit 0
fi
what="${1:-}"
packages_for "$what" >/dev/null
command -v dpkg-query >/dev/null 2>&1 || exit 0

mapfile -t need < <(missing_packages "$what")
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Brakuje pakietów systemowych potrzebnych do uruchomienia: ${need[*]}" >&2
  echo "Zainstaluj je poleceniem:" >&2
  echo "  sudo apt-get install -y ${need[*]}" >&2
  exit 3
fi
echo "Instaluję pakiety systemowe: ${need[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
