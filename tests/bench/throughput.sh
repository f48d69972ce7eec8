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
#                 scale = one maildrop of each size in SCALE, messages of ~SCALE_KB KB
#                         (2,000, 20,000 and 100,000 of ~5.5 KB, like real mail): time per
#                         message at each size, and poplarctl's peak RSS
#                 junk  = the small set (SMALL) synced by a profile whose junk filter is
#                         trained (a bogofilter word list of 200 junk and 200 good messages,
#                         copied into each fresh profile), so every message is classified
#                         as it is committed; target poplar/bare <= 1.5
#                 check = a check that finds 10 new messages among CHECK known ones: a
#                         full sync first, then per run 10 messages are added to the
#                         maildrop and each client syncs again (bare: UIDL, LIST and the
#                         10 RETRs; floor: STAT, UIDL and LIST of the 10 new and their
#                         RETRs, the least a client can ask), each on a settled server
#                         (see settle_server)
#               e.g. SETS="scale check" RUNS=1 for the 100,000-message figures (mpop
#               takes about a minute per run at that size)
#   SMALL="COUNT KB", LARGE="COUNT KB"   change a set's shape (e.g. SMALL="200 20")
#   SCALE="COUNT..." (default "2000 20000 100000"), SCALE_KB (default 5.5),
#   CHECK="COUNT KB" (default "100000 5.5")
#   CHECK_MPOP=0  the check set without mpop (whose first sync of 100,000 messages, which it
#               needs before it can check, takes minutes)
#   KEEP=1      keep the work directory (configs, logs, certificates) for a look
#   MAILDROPS=DIR  keep the generated maildrops in DIR and use them again next time (they
#               are the same every time: the generator is seeded); DIR must be on the same
#               file system as TMPDIR (runs hard-link them)
#   POPLAR_WRAP a command to run `poplarctl sync` under, for profiling, e.g.
#               POPLAR_WRAP="perf record -g -o /tmp/sync.perf" RUNS=1 SETS=small
#   POPLAR_SYNC_ARGS  extra arguments for `poplarctl sync`, e.g. "--log /tmp/sync.log"
#   MPOP_WRAP   the same for mpop, e.g. "strace -f -c -o /tmp/mpop.strace"
#   PASSWORD_DELAY  seconds poplar's password command takes before it answers (as gpg or a
#               password manager does), e.g. 0.2; mpop and bare are given theirs at once
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
SCALE=${SCALE:-2000 20000 100000}
SCALE_KB=${SCALE_KB:-5.5}
CHECK=${CHECK:-100000 5.5}

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

used=0
reset_maildrop() {
    # A pristine copy, without the index, uidlist and cur/ renames of the last session:
    # every run makes Dovecot do the same work. Hard links: Dovecot renames message files
    # and writes files of its own, but never writes into a message file, so the pristine
    # one stays as it was; and 100,000 files are linked in seconds, not copied in minutes.
    # The last copy is moved aside, not deleted: deleting 100,000 files takes minutes on a
    # busy disk, which cleanup() spends once at the end.
    if [ -d "$maildir" ]; then
        used=$((used + 1))
        mv "$maildir" "$work/used-maildir-$used"
    fi
    cp -al "$1" "$maildir"
    [ "$(id -u)" -eq 0 ] && chown -R "$mail_uid:$mail_gid" "$maildir"
    # Write back what the last run left dirty, so its writeback does not slow this one.
    sync
    return 0
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

new_poplar_profile() { # LOGFILE -> prints the directory of a fresh profile with the account
    local log=$1 profile
    profile=$(mktemp -d "$work/poplar-profile.XXXXXX")
    "$POPLARCTL" --profile "$profile" account add --name Bench --host 127.0.0.1 \
        --port "$port" --security tls --user "$user" --auth plain \
        --password-command "${PASSWORD_DELAY:+sleep $PASSWORD_DELAY; }cat '$work/password'" --ca-file "$work/cert.pem" \
        --leave-on-server yes >"$log" 2>&1 || die "poplarctl account add failed: $(cat "$log")"
    # The junk set: a trained junk filter, as a user who has marked junk has one.
    if [ -n "$trained_wordlist" ]; then cp -r "$trained_wordlist" "$profile/bogofilter"; fi
    echo "$profile"
}

poplar_sync() { # PROFILE LOGFILE -> prints seconds; $work/rss gets poplarctl's peak RSS (KB),
    # user and system CPU seconds
    local profile=$1 log=$2 start end
    start=$(now)
    # shellcheck disable=SC2086 # both are word lists on purpose
    /usr/bin/time -f '%M %U %S' -o "$work/rss" ${POPLAR_WRAP:-} \
        "$POPLARCTL" --profile "$profile" sync ${POPLAR_SYNC_ARGS:-} >>"$log" 2>&1 ||
        die "poplarctl sync failed: $(tail -n 20 "$log")"
    end=$(now)
    elapsed "$start" "$end"
}

expect_poplar_count() { # PROFILE COUNT LOGFILE
    local got
    got=$("$POPLARCTL" --profile "$1" list --format json |
        "$PYTHON" -c 'import json, sys; print(len(json.load(sys.stdin)))') ||
        die "poplarctl list failed"
    [ "$got" -eq "$2" ] || die "poplar stored $got messages, expected $2 ($3)"
}

run_poplar() { # COUNT LOGFILE -> prints seconds (peak RSS in $work/rss)
    local count=$1 log=$2 profile seconds
    profile=$(new_poplar_profile "$log")
    seconds=$(poplar_sync "$profile" "$log")
    expect_poplar_count "$profile" "$count" "$log"
    rm -rf "$profile"
    echo "$seconds"
}

new_mpop_dir() { # -> prints a directory with an mpoprc, an empty Maildir and no UIDL file
    local dir
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
    echo "$dir"
}

mpop_sync() { # DIR LOGFILE -> prints seconds
    local dir=$1 log=$2 start end
    start=$(now)
    # shellcheck disable=SC2086 # a word list on purpose
    ${MPOP_WRAP:-} "$MPOP" -q -C "$dir/mpoprc" --all-accounts >"$log" 2>&1 ||
        die "mpop failed: $(tail -n 20 "$log")"
    end=$(now)
    elapsed "$start" "$end"
}

expect_mpop_count() { # DIR COUNT LOGFILE
    local got
    got=$(find "$1/Maildir/new" "$1/Maildir/cur" -type f | wc -l)
    [ "$got" -eq "$2" ] || die "mpop delivered $got messages, expected $2 ($3)"
}

run_mpop() { # COUNT LOGFILE -> prints seconds
    local count=$1 log=$2 dir seconds
    dir=$(new_mpop_dir)
    seconds=$(mpop_sync "$dir" "$log")
    expect_mpop_count "$dir" "$count" "$log"
    # Not deleted now: deleting 100,000 delivered files takes minutes on a busy disk, and
    # cleanup() deletes the work directory anyway.
    echo "$seconds"
}

bare_session() { # RETRS LOGFILE [COMMAND...] -> prints seconds
    # The floor: openssl s_client with every command sent at once (the COMMANDs, then RETR
    # for each number in RETRS, a `seq` range), storing nothing. What this takes is the
    # server's and TLS's share; no client can be faster on this machine.
    local retrs=$1 log=$2 dir start end got expected
    shift 2
    dir=$(mktemp -d "$work/bare.XXXXXX")
    {
        printf 'USER %s\r\nPASS %s\r\n' "$user" "$password"
        [ $# -gt 0 ] && printf '%s\r\n' "$@"
        # shellcheck disable=SC2086 # the range is a word list on purpose
        seq -f 'RETR %.0f' $retrs | sed 's/$/\r/'
        printf 'QUIT\r\n'
    } >"$dir/commands"
    start=$(now)
    "$OPENSSL" s_client -quiet -ign_eof -connect "127.0.0.1:$port" \
        -CAfile "$work/cert.pem" -verify_return_error <"$dir/commands" >"$dir/out" 2>"$log" ||
        die "openssl s_client failed: $(tail -n 20 "$log")"
    end=$(now)
    got=$(grep -c '^+OK [0-9]* octets' "$dir/out" || true)
    # shellcheck disable=SC2086
    expected=$(seq $retrs | wc -l)
    [ "$got" -eq "$expected" ] || die "the bare client got $got messages, expected $expected ($log)"
    rm -rf "$dir"
    elapsed "$start" "$end"
}

run_bare() { # COUNT LOGFILE -> prints seconds
    bare_session "1 $1" "$2"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
median_of() { printf '%s\n' "$@" | median; }

make_pristine() { # NAME COUNT KB -> prints the path of a generated maildrop (made once)
    local pristine=$work/pristine-$1
    # Kept across runs in MAILDROPS: generating 100,000 messages takes minutes.
    [ -n "${MAILDROPS:-}" ] && pristine=$MAILDROPS/$2x$3
    if [ ! -d "$pristine" ]; then
        # Made aside and renamed: a maildrop cut short is never taken for a whole one.
        rm -rf "$pristine.part"
        "$PYTHON" "$here/make_maildrop.py" "$pristine.part" "$2" "$3" >"$work/make-$1.log" ||
            die "cannot generate the $1 maildrop"
        mv "$pristine.part" "$pristine"
    fi
    echo "$pristine"
}

warm_maildrop() { # PRISTINE
    # Read once before the first timed run: otherwise the first client of run 1 (always
    # Poplar) pays for reading the maildrop from disk into the page cache, and those after
    # it find it there (100,000 messages: 25 s in run 1, 15-18 s in runs 2 and 3).
    find "$1" -type f -print0 | xargs -0 cat >/dev/null
}

megabytes() { awk -v b="$(du -sb "$1" | cut -f1)" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# One maildrop, every client RUNS times from a fresh start; the medians go to the globals
# pm (poplar), mm (mpop), bm (bare), rm_ (median of the per-run poplar/mpop ratios), cpum
# (poplarctl's user + system CPU seconds) and rss_mb (its largest peak RSS over the runs).
measure_full_sync() { # NAME COUNT KB RUNS
    local name=$1 count=$2 kb=$3 runs=$4 pristine run p m b r rss cpu
    local poplar_times=() mpop_times=() bare_times=() ratios=() cpus=()
    pristine=$(make_pristine "$name" "$count" "$kb")
    warm_maildrop "$pristine"
    echo "== $name: $count messages of ~$kb KB ($(megabytes "$pristine") MB), $runs runs each"
    rss_mb=0
    for run in $(seq "$runs"); do
        # Alternating the clients run by run spreads any drift of the machine over all.
        reset_maildrop "$pristine"
        p=$(run_poplar "$count" "$work/poplar-$name-$run.log")
        rss=$(awk '{ printf "%.0f", $1 / 1024 }' "$work/rss")
        cpu=$(awk '{ printf "%.2f", $2 + $3 }' "$work/rss")
        [ "$rss" -gt "$rss_mb" ] && rss_mb=$rss
        reset_maildrop "$pristine"
        m=$(run_mpop "$count" "$work/mpop-$name-$run.log")
        reset_maildrop "$pristine"
        b=$(run_bare "$count" "$work/bare-$name-$run.log")
        r=$(awk -v p="$p" -v m="$m" 'BEGIN { printf "%.3f", p / m }')
        printf '   run %d: poplar %7.3f s (CPU %6.2f s, peak RSS %4d MB)   mpop %7.3f s   bare %7.3f s   poplar/mpop %.3f\n' \
            "$run" "$p" "$cpu" "$rss" "$m" "$b" "$r"
        poplar_times+=("$p") mpop_times+=("$m") bare_times+=("$b") ratios+=("$r") cpus+=("$cpu")
    done
    pm=$(median_of "${poplar_times[@]}")
    mm=$(median_of "${mpop_times[@]}")
    bm=$(median_of "${bare_times[@]}")
    rm_=$(median_of "${ratios[@]}")
    cpum=$(median_of "${cpus[@]}")
}

verdict() { # VALUE OP LIMIT -> "met" or "MISSED"
    awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? v <= t : v < t; print ok ? "met" : "MISSED" }'
}

summary=()

fixed_set() { # NAME COUNT KB POPLAR/MPOP-TARGET POPLAR/BARE-TARGET
    local name=$1 count=$2 kb=$3 pristine mbps
    measure_full_sync "$name" "$count" "$kb" "$RUNS"
    pristine=$(make_pristine "$name" "$count" "$kb")
    mbps=$(awk -v b="$(du -sb "$pristine" | cut -f1)" -v t="$pm" 'BEGIN { printf "%.0f", b / 1048576 / t }')
    summary+=("$(printf '%-5s %4d x %3s KB  poplar %6.3f s (%3s MB/s)  mpop %6.3f s  bare %6.3f s  poplar/mpop %.3f (target <= %s: %s)  poplar/bare %.2f (target <= %s: %s)' \
        "$name" "$count" "$kb" "$pm" "$mbps" "$mm" "$bm" "$rm_" "$4" "$(verdict "$rm_" "<=" "$4")" \
        "$(ratio "$pm" "$bm")" "$5" "$(verdict "$(ratio "$pm" "$bm")" "<=" "$5")")")
}

scale_set() {
    local count per per_min='' per_max='' last_ratio_bare last_ratio_mpop last_rss
    summary+=("scale: messages of ~$SCALE_KB KB; per message = poplar's time / count")
    for count in $SCALE; do
        measure_full_sync "scale-$count" "$count" "$SCALE_KB" "$RUNS"
        per=$(awk -v t="$pm" -v n="$count" 'BEGIN { printf "%.1f", t / n * 1e6 }')
        per_min=$(awk -v a="${per_min:-$per}" -v b="$per" 'BEGIN { print (b < a) ? b : a }')
        per_max=$(awk -v a="${per_max:-$per}" -v b="$per" 'BEGIN { print (b > a) ? b : a }')
        last_ratio_bare=$(ratio "$pm" "$bm") last_ratio_mpop=$rm_ last_rss=$rss_mb
        summary+=("$(printf '  %6d  poplar %7.3f s  %5.1f us/message (CPU %6.2f s)  bare %7.3f s  mpop %7.3f s  poplar/bare %.2f  poplar/mpop %.3f  peak RSS %d MB' \
            "$count" "$pm" "$per" "$cpum" "$bm" "$mm" "$last_ratio_bare" "$rm_" "$rss_mb")")
    done
    local spread
    spread=$(awk -v a="$per_min" -v b="$per_max" 'BEGIN { printf "%.2f", b / a }')
    summary+=("  time per message, largest / smallest: $spread (target <= 1.20: $(verdict "$spread" "<=" 1.20))")
    summary+=("  at the largest size: poplar/bare $last_ratio_bare (target <= 2: $(verdict "$last_ratio_bare" "<=" 2)), poplar/mpop $last_ratio_mpop (target <= 0.4: $(verdict "$last_ratio_mpop" "<=" 0.4)), peak RSS $last_rss MB (target < 150: $(verdict "$last_rss" "<" 150))")
}

# Dovecot reads a Maildir's cur/ again in a session after one that changed it within the
# same second or so (it cannot trust a directory time that recent): a client that follows the
# session which took in new mail, or one that marked messages seen, pays for a rescan of all
# 100,000 names (0.3-0.5 s here) that another client caused. So before each timed client, an
# untimed session after that second makes the rescan, and every client times its own check on
# the same settled server. Prints what that rescan took Dovecot (a STAT right after the
# settled one answers in a few ms), which a check right after another session adds.
settle_server() { # NAME -> prints the seconds Dovecot's rescan added to an untimed STAT
    local before after
    sleep 2
    before=$(bare_session "1 0" "$work/bare-settle-$1.log" STAT)
    after=$(bare_session "1 0" "$work/bare-settled-$1.log" STAT)
    sync
    awk -v a="$before" -v b="$after" 'BEGIN { d = a - b; printf "%.3f", d < 0 ? 0 : d }'
}

check_set() {
    local count kb pristine profile mpop_dir='' run first p m b cpu
    local poplar_times=() mpop_times=() bare_times=() floor_times=() rescans=() rss_max=0 rss r f
    read -r count kb <<<"$CHECK"
    pristine=$(make_pristine "check-$count" "$count" "$kb")
    echo "== check: 10 new among $count messages of ~$kb KB, $RUNS runs each"
    reset_maildrop "$pristine"
    profile=$(new_poplar_profile "$work/poplar-check-full.log")
    echo "   first sync (not the check): poplar $(poplar_sync "$profile" "$work/poplar-check-full.log") s"
    if [ "${CHECK_MPOP:-1}" != 0 ]; then
        mpop_dir=$(new_mpop_dir)
        echo "   first sync (not the check): mpop $(mpop_sync "$mpop_dir" "$work/mpop-check-full.log") s"
    fi
    for run in $(seq "$RUNS"); do
        # Ten new messages, numbered after those there are; the seed makes them differ.
        first=$((count + (run - 1) * 10 + 1))
        "$PYTHON" "$here/make_maildrop.py" "$maildir" 10 "$kb" "$((1000 + run))" "$first" \
            >>"$work/make-check-new.log" || die "cannot add messages to the maildrop"
        [ "$(id -u)" -eq 0 ] && chown -R "$mail_uid:$mail_gid" "$maildir"
        # Dovecot takes the new messages into its index in an untimed session, so that each
        # client times the same check.
        bare_session "1 0" "$work/bare-check-prime-$run.log" UIDL >/dev/null
        r=$(settle_server "$run-poplar")
        p=$(poplar_sync "$profile" "$work/poplar-check-$run.log")
        rss=$(awk '{ printf "%.0f", $1 / 1024 }' "$work/rss")
        cpu=$(awk '{ printf "%.2f", $2 + $3 }' "$work/rss")
        [ "$rss" -gt "$rss_max" ] && rss_max=$rss
        expect_poplar_count "$profile" "$((first + 9))" "$work/poplar-check-$run.log"
        m=0
        if [ -n "$mpop_dir" ]; then
            settle_server "$run-mpop" >/dev/null
            m=$(mpop_sync "$mpop_dir" "$work/mpop-check-$run.log")
            expect_mpop_count "$mpop_dir" "$((first + 9))" "$work/mpop-check-$run.log"
        fi
        settle_server "$run-bare" >/dev/null
        b=$(bare_session "$first $((first + 9))" "$work/bare-check-$run.log" UIDL LIST)
        # The least any client can ask: how many there are, the names and sizes of the new
        # ones, and their RETRs, all at once. What this takes is the server's and TLS's.
        settle_server "$run-floor" >/dev/null
        local least=(STAT)
        for n in $(seq "$first" $((first + 9))); do least+=("UIDL $n" "LIST $n"); done
        f=$(bare_session "$first $((first + 9))" "$work/floor-check-$run.log" "${least[@]}")
        printf '   run %d: poplar %6.3f s (CPU %5.2f s, peak RSS %4d MB)   mpop %s   bare (UIDL, LIST, 10 RETR) %6.3f s   floor (STAT, the 10 new) %6.3f s   unsettled server: +%5.3f s\n' \
            "$run" "$p" "$cpu" "$rss" "$([ -n "$mpop_dir" ] && printf '%6.3f s' "$m" || echo 'not run')" "$b" "$f" "$r"
        poplar_times+=("$p") mpop_times+=("$m") bare_times+=("$b") floor_times+=("$f") rescans+=("$r")
    done
    rm -rf "$profile"
    pm=$(median_of "${poplar_times[@]}")
    mm=$(median_of "${mpop_times[@]}")
    bm=$(median_of "${bare_times[@]}")
    local with_mpop='mpop not run'
    [ -n "$mpop_dir" ] && with_mpop="mpop $mm s, poplar/mpop $(ratio "$pm" "$mm")"
    summary+=("$(printf 'check 10 new among %d: poplar %.3f s (target <= 0.4: %s)  bare %.3f s  poplar/bare %.2f  %s  peak RSS %d MB' \
        "$count" "$pm" "$(verdict "$pm" "<=" 0.4)" "$bm" "$(ratio "$pm" "$bm")" "$with_mpop" "$rss_max")")
    local fm
    fm=$(median_of "${floor_times[@]}")
    summary+=("$(printf '  floor (openssl s_client: STAT, UIDL and LIST of the 10 new, their RETRs) %.3f s: poplar - floor %.3f s' \
        "$fm" "$(awk -v a="$pm" -v b="$fm" 'BEGIN { print a - b }')")")
    summary+=("$(printf '  (on a server not yet settled, Dovecot adds %.3f s to any client: median of its rescans)' \
        "$(median_of "${rescans[@]}")")")
}

trained_wordlist=
# A bogofilter word list trained on 200 good messages (the bench's own kind of mail, from
# another seed) and 200 junk ones, as `poplarctl junk` and the J key would have made it.
train_wordlist() {
    local dir=$work/trained-wordlist good=$work/train-good
    BOGOFILTER=$(find_tool bogofilter)
    "$PYTHON" "$here/make_maildrop.py" "$good" 200 20 7 >/dev/null
    "$PYTHON" - "$good" "$work/good.mbox" "$work/junk.mbox" <<'PY'
import os, random, sys
good_dir, good_out, junk_out = sys.argv[1:4]
sep = b"From poplar Thu Jan  1 00:00:00 1970\n"
def quoted(data):
    return b"\n".join(b">" + l if l.startswith(b"From ") else l for l in data.split(b"\n"))
with open(good_out, "wb") as f:
    for name in sorted(os.listdir(os.path.join(good_dir, "new"))):
        f.write(sep + quoted(open(os.path.join(good_dir, "new", name), "rb").read()) + b"\n")
rng = random.Random(11)
words = ("viagra cialis pharmacy pills discount cheap offer exclusive winner lottery prize "
         "claim urgent bonus casino spins crypto bitcoin profit loan approved credit cash "
         "free click unsubscribe million jackpot dollars guaranteed miracle diet").split()
with open(junk_out, "wb") as f:
    for n in range(200):
        body = "\n".join(" ".join(rng.choice(words) for _ in range(12)) for _ in range(40))
        msg = (f"From: Offers <deals{n}@promo{n % 9}.example>\nTo: alice@example.org\n"
               f"Subject: {rng.choice(words).upper()} {rng.choice(words)} {n}\n"
               f"Message-ID: <junk{n}@promo.example>\n\n{body}\n")
        f.write(sep + msg.encode() + b"\n")
PY
    "$BOGOFILTER" -C -d "$dir" -M -n <"$work/good.mbox" || die "bogofilter -n failed"
    "$BOGOFILTER" -C -d "$dir" -M -s <"$work/junk.mbox" || die "bogofilter -s failed"
    trained_wordlist=$dir
}

for set in $SETS; do
    case $set in
    small) read -r count kb <<<"$SMALL" && fixed_set small "$count" "$kb" 0.4 1.3 ;;
    large) read -r count kb <<<"$LARGE" && fixed_set large "$count" "$kb" 1.0 1.1 ;;
    scale) scale_set ;;
    check) check_set ;;
    junk)
        train_wordlist
        read -r count kb <<<"$SMALL" && fixed_set junk "$count" "$kb" 0.4 1.5
        trained_wordlist=
        ;;
    *) die "unknown set '$set' (small, large, junk, scale or check)" ;;
    esac
done

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "poplarctl: $POPLARCTL"
echo "$("$DOVECOT" --version | sed 's/^/dovecot /' | head -n 1), $("$MPOP" --version | head -n 1)"
echo "medians over $RUNS runs; poplar/mpop is the median of the per-run ratios; peak RSS is"
echo "poplarctl sync's largest over the runs (/usr/bin/time %M); CPU is poplarctl's user + system;"
echo "bare = openssl s_client sending every RETR at once and storing nothing (the floor):"
printf '  %s\n' "${summary[@]}"
