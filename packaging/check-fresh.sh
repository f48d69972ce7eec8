#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A newcomer's machine, twice over:
#   1. a clean Debian 12 root (debootstrap) gets a clone of this repository and runs the
#      README's commands: the prerequisites it names (git, make), then `make test`;
#      the .deb is then built there with `cpack -G DEB`;
#   2. a second clean root installs that .deb with apt-get, runs `poplarctl --version`,
#      and keeps `poplar` running offscreen for a few seconds.
# It proves the README's commands need nothing installed by hand. Needs root (chroot,
# mounts) and debootstrap; takes a while (downloads, a full build, the whole test suite).
#
#   sudo packaging/check-fresh.sh            # KEEP=1 keeps the roots in $WORK for a look
#   WORK=/var/tmp/poplar-fresh MIRROR=http://deb.debian.org/debian packaging/check-fresh.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
WORK=${WORK:-$(mktemp -d /var/tmp/poplar-fresh.XXXXXX)}
KEEP=${KEEP:-}

die() {
    echo "check-fresh: $*" >&2
    exit 1
}
say() { echo "check-fresh: [$(date +%T)] $*"; }

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mounts)"
command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] ||
    die "debootstrap is missing (packaging/install-deps.sh installs it)"
git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 || die "$repo is not a git checkout"

mounted=()
mount_into() { # ROOT: what a program in the root expects of a running system
    local root=$1
    mount -t proc proc "$root/proc" && mounted+=("$root/proc")
    mount -t sysfs sysfs "$root/sys" && mounted+=("$root/sys")
    mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev" && mounted+=("$root/dev")
    mount -t tmpfs tmpfs "$root/tmp" && mounted+=("$root/tmp")
    cp /etc/resolv.conf "$root/etc/resolv.conf"
}
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount -R "${mounted[$i]}" 2>/dev/null || umount -lR "${mounted[$i]}" 2>/dev/null || true
    done
    if [ -z "$KEEP" ]; then rm -rf "$WORK"; else echo "check-fresh: kept $WORK"; fi
}
trap cleanup EXIT

make_root() { # DIR
    say "debootstrap $SUITE into $1"
    debootstrap --variant=minbase "$SUITE" "$1" "$MIRROR" >"$1.debootstrap.log" 2>&1 ||
        die "debootstrap failed: $(tail -n 5 "$1.debootstrap.log")"
    # What an installed Debian has and debootstrap leaves out: a hosts file naming localhost.
    printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$1/etc/hosts"
    # The policy a Debian system has anyway: no services start inside a chroot.
    printf '#!/bin/sh\nexit 101\n' >"$1/usr/sbin/policy-rc.d"
    chmod +x "$1/usr/sbin/policy-rc.d"
}

in_root() { # ROOT COMMAND...: a login shell as root, with a clean environment
    local root=$1
    shift
    chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

started=$(date +%s)
mkdir -p "$WORK"

# --- 1. build and test as a newcomer would -------------------------------------------
builder=$WORK/builder
make_root "$builder"
mount_into "$builder"
say "cloning the repository (committed state of HEAD) into the root"
git clone -q --no-hardlinks "$repo" "$builder/root/poplar"
say "README prerequisites: apt-get install git make"
in_root "$builder" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends git make ca-certificates >/dev/null' ||
    die "installing git and make failed"
say "make test (installs the dependencies, builds, runs every suite)"
in_root "$builder" sh -c 'cd /root/poplar && make test' >"$WORK/make-test.log" 2>&1 ||
    { KEEP=1; die "make test failed in the clean root (log kept in $WORK): $(tail -n 30 "$WORK/make-test.log")"; }
tail -n 12 "$WORK/make-test.log"
say "cpack -G DEB"
in_root "$builder" sh -c 'cd /root/poplar/build && cpack -G DEB' >"$WORK/cpack.log" 2>&1 ||
    die "cpack failed: $(tail -n 20 "$WORK/cpack.log")"
deb=$(find "$builder/root/poplar/build" -maxdepth 1 -name 'poplar_*.deb' | head -n 1)
[ -n "$deb" ] || die "cpack made no poplar_*.deb"
cp "$deb" "$WORK/"
deb=$WORK/$(basename "$deb")
say "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# --- 2. install the package on a clean machine -------------------------------------------
user=$WORK/user
make_root "$user"
mount_into "$user"
cp "$deb" "$user/root/"
say "apt-get install ./$(basename "$deb") in a second clean root"
in_root "$user" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq ./root/$(basename "$deb") >/dev/null" >"$WORK/install.log" 2>&1 ||
    die "installing the package failed: $(tail -n 20 "$WORK/install.log")"
version=$(in_root "$user" poplarctl --version) || die "poplarctl --version failed"
say "poplarctl --version: $version"
# Still running after 5 s means it started (timeout's 124); any other status is a failure.
status=0
in_root "$user" sh -c 'QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp timeout 5 \
    poplar --profile /tmp/profile' >"$WORK/poplar.log" 2>&1 || status=$?
[ "$status" -eq 124 ] || die "poplar exited with $status within 5 s: $(tail -n 20 "$WORK/poplar.log")"
say "poplar ran offscreen for 5 s from the installed package"
for f in /usr/share/applications/io.github.poplarmail.Poplar.desktop \
    /usr/share/metainfo/io.github.poplarmail.Poplar.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/io.github.poplarmail.Poplar.svg \
    /usr/share/man/man1/poplar.1.gz /usr/share/man/man1/poplarctl.1.gz \
    /usr/libexec/poplar/poplarctl-pdf; do
    [ -e "$user$f" ] || die "the package did not install $f"
done

say "passed in $(($(date +%s) - started)) s"
