#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Download throughput: `poplarctl sync` against mpop, on the same maildrop of a private
# Dovecot on 127.0.0.1, over implicit TLS (pop3s). See DESIGN.md, "Where the time goes".
#
#   make && tests/bench/throughput.sh
#
# Environment:
#   POPLARCTL   the poplarctl to measure (default: build/app/poplarctl/poplarctl)
#   RUNS        runs per client and set (default 5)
#   SETS        which sets to run, "small large" by default:
#                 small = 2000 messages of ~20 KB, large = 200 messages of ~500 KB
#   SMALL="COUNT KB", LARGE="COUNT KB"   change a set's shape (e.g. SMALL="200 20")
#   KEEP=1      keep the work directory (configs, logs, certificates) for a look
#   POPLAR_WRAP a command to run `poplarctl sync` under, for profiling, e.g.
#               POPLAR_WRAP="perf record -g -o /tmp/sync.perf" RUNS=1 SETS=small
#   POPLAR_SYNC_ARGS  extra arguments for `poplarctl sync`, e.g. "--log /tmp/sync.log"
#   MPOP_WRAP   the same for mpop, e.g. "strace -f -c -o /tmp/mpop.strace"
#
# Every run starts from a copy of a pristine Maildir (no Dovecot index), with a fresh
# poplar profile and a fresh mpop UIDL file and delivery Maildir, so both clients always
# download everything. Poplar leaves mail on the server, mpop keeps it ("keep on").
# A third client, "bare", is openssl s_client sending every RETR at once and storing
# nothing: the floor that the server and TLS set on this machine. mpop fsyncs every
# message, so its times follow the disk; poplar/bare is the steadier figure to track.
# Run on a quiet machine: with 2 cores, anything else running shows in the numbers.
#
# Exits non-zero only when something fails (a client errs, a message count is wrong,
# Dovecot will not start); a missed speed target is reported, not failed.
set -euo pipefail
# Numbers go through awk, sort and printf: a locale with a decimal comma would garble them.
# (C.UTF-8 rather than C when LC_ALL is forced, so Qt still sees a UTF-8 locale.)
export LC_NUMERIC=C
if [ -n "${LC_ALL:-}" ]; then export LC_ALL=C.UTF-8; fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
POPLARCTL=${POPLARCTL:-$root/build/app/poplarctl/poplarctl}
RUNS=${RUNS:-5}
SETS=${SETS:-small large}
SMALL=${SMALL:-2000 20}
LARGE=${LARGE:-200 500}

die() {
    echo "throughput: $*" >&2
    exit 1
}

find_tool() {
    command -v "$1" 2>/dev/null || { [ -x "/usr/sbin/$1" ] && echo "/usr/sbin/$1"; } ||
        die "'$1' not found (run packaging/install-deps.sh)"
}

[ -x "$POPLARCTL" ] || die "no poplarctl at $POPLARCTL (run 'make', or set POPLARCTL)"
DOVECOT=$(find_tool dovecot)
MPOP=$(find_tool mpop)
OPENSSL=$(find_tool openssl)
PYTHON=$(find_tool python3)
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"

# As root, Dovecot's unprivileged processes must reach the files, and a private TMPDIR
# such as /root/tmp would be out of their reach: /tmp then, as tests/support does.
if [ "$(id -u)" -eq 0 ]; then parent=/tmp; else parent=${TMPDIR:-/tmp}; fi
work=$(mktemp -d "$parent/poplar-throughput-XXXXXX")
chmod 755 "$work"

dovecot_pid=
cleanup() {
    local status=$?
    if [ -n "$dovecot_pid" ]; then
        # The whole process group: login and pop3 processes as well as the master.
        kill -TERM -- "-$dovecot_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$dovecot_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$dovecot_pid" 2>/dev/null || true
        wait "$dovecot_pid" 2>/dev/null || true
    fi
    if [ "${KEEP:-0}" = 1 ]; then
        echo "throughput: kept $work" >&2
    else
        rm -rf "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the server ----------------------------------------------------------------------

if [ "$(id -u)" -eq 0 ]; then
    # Dovecot refuses mail access as root, so the maildrop belongs to nobody.
    mail_uid=$(id -u nobody)
    mail_gid=$(id -g nobody)
    login_user=dovenull internal_user=dovecot internal_group=dovecot
else
    # Without root Dovecot cannot switch users, so every service runs as us.
    mail_uid=$(id -u) mail_gid=$(id -g)
    login_user=$(id -un) internal_user=$(id -un) internal_group=$(id -gn)
fi
user=bench
password=bench-pass-$$
home=$work/home/$user
maildir=$home/Maildir
mkdir -p "$work/base" "$work/state" "$home"
chmod 755 "$work/base" "$work/state" "$work/home" "$home"

"$OPENSSL" req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$work/key.pem" -out "$work/cert.pem" >"$work/openssl.log" 2>&1 ||
    die "openssl req failed: $(cat "$work/openssl.log")"
# -dsaparam keeps this well under a second; Dovecot 2.3 needs ssl_dh for DHE suites.
"$OPENSSL" dhparam -dsaparam -out "$work/dh.pem" 2048 >>"$work/openssl.log" 2>&1 ||
    die "openssl dhparam failed: $(cat "$work/openssl.log")"

printf '%s:{PLAIN}%s:%s:%s::%s::\n' "$user" "$password" "$mail_uid" "$mail_gid" "$home" \
    >"$work/passwd"
printf '%s\n' "$password" >"$work/password"
chmod 600 "$work/password"

port=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# The fixture's configuration (tests/support/DovecotServer.cpp), with only the pop3s
# listener, and no !include of /etc/dovecot: this instance shares nothing with the system's.
cat >"$work/dovecot.conf" <<EOF
instance_name = poplar-throughput
base_dir = $work/base
state_dir = $work/state
log_path = $work/dovecot.log
protocols = pop3
listen = 127.0.0.1

ssl = yes
ssl_cert = <$work/cert.pem
ssl_key = <$work/key.pem
ssl_dh = <$work/dh.pem

disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0

default_login_user = $login_user
default_internal_user = $internal_user
default_internal_group = $internal_group
first_valid_uid = 1

mail_location = maildir:$maildir
pop3_uidl_format = %g

passdb {
  driver = passwd-file
  args = scheme=PLAIN $work/passwd
}
userdb {
  driver = passwd-file
  args = $work/passwd
}

service pop3-login {
  chroot =
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = $port
    ssl = yes
  }
}
service anvil {
  chroot =
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
EOF

# setsid: Dovecot leads its own process group, so cleanup() reaches every process it forks.
setsid "$DOVECOT" -F -c "$work/dovecot.conf" >"$work/dovecot.out" 2>&1 &
dovecot_pid=$!

# Ready when a TLS greeting arrives: that proves the listener, the login process and the
# certificate are all usable.
ready=
for _ in $(seq 100); do
    if "$PYTHON" - "$port" "$work/cert.pem" <<'EOF' 2>/dev/null; then
import socket, ssl, sys
ctx = ssl.create_default_context(cafile=sys.argv[2])
with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2) as raw:
    with ctx.wrap_socket(raw, server_hostname="127.0.0.1") as s:
        ok = s.recv(512).startswith(b"+OK")
        s.sendall(b"QUIT\r\n")
sys.exit(0 if ok else 1)
EOF
        ready=1
        break
    fi
    kill -0 "$dovecot_pid" 2>/dev/null || break
    sleep 0.1
done
[ -n "$ready" ] || die "Dovecot did not start: $(tail -n 20 "$work/dovecot.out" "$work/dovecot.log" 2>/dev/null)"

# ---- the runs ------------------------------------------------------------------------

reset_maildrop() {
    # A pristine copy, without the index, uidlist and cur/ renames of the last session:
    # every run makes Dovecot do the same work.
    rm -rf "$maildir"
    cp -a "$1" "$maildir"
    [ "$(id -u)" -eq 0 ] && chown -R "$mail_uid:$mail_gid" "$maildir"
    # Write back what the last run left dirty, so its writeback does not slow this one.
    sync
    return 0
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

run_poplar() { # COUNT LOGFILE -> prints seconds
    local count=$1 log=$2 profile start end got
    profile=$(mktemp -d "$work/poplar-profile.XXXXXX")
    "$POPLARCTL" --profile "$profile" account add --name Bench --host 127.0.0.1 \
        --port "$port" --security tls --user "$user" --auth plain \
        --password-command "cat '$work/password'" --ca-file "$work/cert.pem" \
        --leave-on-server yes >"$log" 2>&1 || die "poplarctl account add failed: $(cat "$log")"
    start=$(now)
    # shellcheck disable=SC2086 # both are word lists on purpose
    ${POPLAR_WRAP:-} "$POPLARCTL" --profile "$profile" sync ${POPLAR_SYNC_ARGS:-} >>"$log" 2>&1 ||
        die "poplarctl sync failed: $(tail -n 20 "$log")"
    end=$(now)
    got=$("$POPLARCTL" --profile "$profile" list --format json |
        "$PYTHON" -c 'import json, sys; print(len(json.load(sys.stdin)))') ||
        die "poplarctl list failed"
    [ "$got" -eq "$count" ] || die "poplar stored $got messages, expected $count ($log)"
    rm -rf "$profile"
    elapsed "$start" "$end"
}

run_mpop() { # COUNT LOGFILE -> prints seconds
    local count=$1 log=$2 dir start end got
    dir=$(mktemp -d "$work/mpop.XXXXXX")
    mkdir -p "$dir/Maildir/cur" "$dir/Maildir/new" "$dir/Maildir/tmp"
    cat >"$dir/mpoprc" <<EOF
defaults
tls on
tls_starttls off
tls_trust_file $work/cert.pem
auth plain
keep on

account bench
host 127.0.0.1
port $port
user $user
password $password
delivery maildir $dir/Maildir
uidls_file $dir/uidls
EOF
    chmod 600 "$dir/mpoprc" # mpop refuses a config with a password that others can read
    start=$(now)
    # shellcheck disable=SC2086 # a word list on purpose
    ${MPOP_WRAP:-} "$MPOP" -q -C "$dir/mpoprc" --all-accounts >"$log" 2>&1 ||
        die "mpop failed: $(tail -n 20 "$log")"
    end=$(now)
    got=$(find "$dir/Maildir/new" "$dir/Maildir/cur" -type f | wc -l)
    [ "$got" -eq "$count" ] || die "mpop delivered $got messages, expected $count ($log)"
    rm -rf "$dir"
    elapsed "$start" "$end"
}

run_bare() { # COUNT LOGFILE -> prints seconds
    # The floor: openssl s_client with every command sent at once, storing nothing. What
    # this takes is the server's and TLS's share; no client can be faster on this machine.
    local count=$1 log=$2 dir start end got
    dir=$(mktemp -d "$work/bare.XXXXXX")
    {
        printf 'USER %s\r\nPASS %s\r\n' "$user" "$password"
        seq -f 'RETR %.0f' 1 "$count" | sed 's/$/\r/'
        printf 'QUIT\r\n'
    } >"$dir/commands"
    start=$(now)
    "$OPENSSL" s_client -quiet -ign_eof -connect "127.0.0.1:$port" \
        -CAfile "$work/cert.pem" -verify_return_error <"$dir/commands" >"$dir/out" 2>"$log" ||
        die "openssl s_client failed: $(tail -n 20 "$log")"
    end=$(now)
    got=$(grep -c '^+OK [0-9]* octets' "$dir/out" || true)
    [ "$got" -eq "$count" ] || die "the bare client got $got messages, expected $count ($log)"
    rm -rf "$dir"
    elapsed "$start" "$end"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

summary=()
for set in $SETS; do
    case $set in
    small) read -r count kb target <<<"$SMALL 0.4" ;;
    large) read -r count kb target <<<"$LARGE 1.0" ;;
    *) die "unknown set '$set' (small or large)" ;;
    esac
    pristine=$work/pristine-$set
    "$PYTHON" "$here/make_maildrop.py" "$pristine" "$count" "$kb" >"$work/make-$set.log" ||
        die "cannot generate the $set maildrop"
    bytes=$(du -sb "$pristine" | cut -f1)
    echo "== $set: $count messages of ~$kb KB ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MB), $RUNS runs each"

    poplar_times=() mpop_times=() bare_times=() ratios=()
    for run in $(seq "$RUNS"); do
        # Alternating the clients run by run spreads any drift of the machine over all.
        reset_maildrop "$pristine"
        p=$(run_poplar "$count" "$work/poplar-$set-$run.log")
        reset_maildrop "$pristine"
        m=$(run_mpop "$count" "$work/mpop-$set-$run.log")
        reset_maildrop "$pristine"
        b=$(run_bare "$count" "$work/bare-$set-$run.log")
        r=$(awk -v p="$p" -v m="$m" 'BEGIN { printf "%.3f", p / m }')
        printf '   run %d: poplar %6.3f s   mpop %6.3f s   bare %6.3f s   poplar/mpop %.3f\n' \
            "$run" "$p" "$m" "$b" "$r"
        poplar_times+=("$p") mpop_times+=("$m") bare_times+=("$b") ratios+=("$r")
    done
    pm=$(printf '%s\n' "${poplar_times[@]}" | median)
    mm=$(printf '%s\n' "${mpop_times[@]}" | median)
    bm=$(printf '%s\n' "${bare_times[@]}" | median)
    rm_=$(printf '%s\n' "${ratios[@]}" | median)
    verdict=$(awk -v r="$rm_" -v t="$target" 'BEGIN { print (r <= t) ? "met" : "MISSED" }')
    mbps=$(awk -v b="$bytes" -v t="$pm" 'BEGIN { printf "%.0f", b / 1048576 / t }')
    summary+=("$(printf '%-5s %4d x %3d KB  poplar %6.3f s (%3s MB/s)  mpop %6.3f s  bare %6.3f s  poplar/mpop %.3f (target <= %.1f: %s)  poplar/bare %.2f' \
        "$set" "$count" "$kb" "$pm" "$mbps" "$mm" "$bm" "$rm_" "$target" "$verdict" \
        "$(awk -v p="$pm" -v b="$bm" 'BEGIN { printf "%.2f", p / b }')")")
done

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
echo "poplarctl: $POPLARCTL"
echo "$("$DOVECOT" --version | sed 's/^/dovecot /' | head -n 1), $("$MPOP" --version | head -n 1)"
echo "medians over $RUNS runs; poplar/mpop is the median of the per-run ratios;"
echo "bare = openssl s_client sending every RETR at once and storing nothing (the floor):"
printf '  %s\n' "${summary[@]}"
