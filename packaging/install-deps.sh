#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package Poplar needs to build, run and test.
# Idempotent: when everything is present it prints nothing and returns at once.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang-format
  # libFuzzer targets (make fuzz)
  clang libclang-rt-14-dev
  # Qt 6 and the SQLite driver QtSql loads at run time
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-svg-dev libqt6svg6 qt6-translations-l10n
  # the WebP reader mail images may use (ui/MailImageDecoder)
  qt6-image-formats-plugins
  # mail libraries
  libgmime-3.0-dev libgsasl-dev libgumbo-dev qtkeychain-qt6-dev libsqlite3-dev libicu-dev
  # tests and benchmarks; tests/bench/throughput.sh compares with mpop on generated mail;
  # OpenSSL's headers for the SHA-256 comparison in tests/bench/bench_digest.cpp; GNU time
  # for the sync's peak RSS and CPU there
  libgtest-dev libgmock-dev libbenchmark-dev mpop python3 libssl-dev time
  # the real POP3 server the integration tests start, and the tools its fixture uses
  dovecot-core dovecot-pop3d openssl
  # a second real POP3 server, of another lineage (tests/support/MailutilsServer): an mbox
  # server that rewrites the headers of what it has served
  mailutils-pop3d
  # the real SMTP submission server the sending tests start (tests/support/SmtpServer)
  python3-aiosmtpd
  # the adaptive junk classifier (core/junk): bogofilter and its default Berkeley DB word list
  bogofilter bogofilter-bdb
  # pdftotext: the print tests read the text of the PDFs Poplar writes back
  poppler-utils
  # packaging: the .deb's computed dependencies (dpkg-shlibdeps; CPack needs `file` to find
  # the binaries), checks of the desktop entry and the
  # AppStream metainfo, and the clean Debian roots of packaging/check-fresh.sh
  dpkg-dev file desktop-file-utils appstream debootstrap
  # looking at the GUI without a display, and at its dark side (the README's screenshots:
  # QT_QPA_PLATFORMTHEME=gtk3 GTK_THEME=Adwaita:dark)
  xvfb xauth imagemagick xdotool fonts-wqy-microhei qt6-gtk-platformtheme gnome-themes-extra
  # what a screen reader sees of the window: the AT-SPI bus and its Python client
  # (tests/ui/atspi-tree.py walks Poplar's accessible tree under Xvfb)
  at-spi2-core python3-pyatspi dbus
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# Installing dovecot must not start a system-wide server: the tests start their own.
policy=/usr/sbin/policy-rc.d
made_policy=
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod +x "$policy"
  made_policy=1
fi
# An if, not `[ ] && ...`: a false test as the EXIT trap's last command would become the
# script's status, and a machine that already has a policy (a container) would fail.
cleanup() { if [ -n "$made_policy" ]; then $SUDO rm -f "$policy"; fi; }
trap cleanup EXIT

$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
