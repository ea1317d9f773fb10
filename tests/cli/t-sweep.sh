#!/bin/sh
# t-sweep.sh: `farkas sweep` over Brooks' no-trade example against a rule
# derived by hand, --until, resuming, crashes and time-outs, random
# instances, and the Slurm path against a real single-node Slurm.
#
# The oracle, derived by hand.  States 0, 1.  Player 1 has one type, holds
# the state uniform and player 2's signal correct with probability p;
# player 2's type is his signal t and he holds it correct with probability
# q.  Player 1 has one type, so he has no IC constraint, and raising his
# payment up to feasibility (gamma_1 = -gamma_2) only helps him: write
# g(t, s) for what player 2 receives when he reports t and the state is s,
# a_t = g(t, t), b_t = g(t, 1-t).  Then
#   U_2(t)  = q a_t + (1-q) b_t =: u_t,
#   U_1     = -1/2 sum_t [p a_t + (1-p) b_t],
#   IC_t:  u_t >= w_{1-t}, where w_t = (1-q) a_t + q b_t is what the other
#          signal expects from report t.
# Without IC each report t is a separate bet, and a bet accepted by both
# with some strict gain exists iff the probability vectors (q, 1-q) and
# (p, 1-p) differ: trade iff p != q (p = q gives U_1 = -1/2 sum_t u_t).
# With IC and q != 1/2, (a, b) -> (u, w) is invertible (determinant 2q-1),
# a + b = u + w and a - b = (u - w)/(2q-1), so with k = (2p-1)/(2q-1)
#   p a + (1-p) b = (a+b)/2 + (p-1/2)(a-b) = [(1+k) u + (1-k) w] / 2,
#   U_1 = -1/4 sum_t [(1+k) u_t + (1-k) w_t],  u_t >= 0,  w_t <= u_{1-t}.
#   k < 1: w is bounded only above; u = (1, 0) and w very negative give
#          U_1 > 0: trade.
#   k = 1: U_1 = -1/2 (u_0 + u_1) <= 0, so U_1 = u = 0: no strict gain.
#   k > 1: (1-k) w_t >= (1-k) u_{1-t}, so U_1 <= -1/2 (u_0 + u_1): no trade.
# k < 1 means p < q when q > 1/2 and p > q when q < 1/2.  With q = 1/2,
# u_t = w_t, IC forces u_0 = u_1 = u >= 0 and p a + (1-p) b = u +
# (p-1/2)(a-b) with a - b free: trade iff p != 1/2.  So with IC:
#   trade  iff  (q > 1/2 and p < q) or (q < 1/2 and p > q) or (q = 1/2 and p != 1/2).
# A trade is the trade LP feasible (status optimal, value 0); no trade is
# its Farkas certificate (infeasible).
. tests/cli/lib.sh
FARKAS=$(cd "$(dirname "$FARKAS")" && pwd)/$(basename "$FARKAS")
FARKAS_CHECK=$(cd "$(dirname "$FARKAS_CHECK")" && pwd)/$(basename "$FARKAS_CHECK")
if ! command -v parallel >/dev/null 2>&1; then
    skip sweep "GNU parallel is not installed (tests/deps.sh installs it)"; finish; exit $?
fi

# expect FILE: every row of results.tsv FILE against the hand rule; prints
# the number of bad rows and the first one.
expect() {
    awk -F '\t' '
    function num(s) { split(s, a, "/"); return a[1] }
    function den(s) { split(s, a, "/"); return (a[2] == "" ? 1 : a[2]) }
    function cmp(x, y) { d = num(x) * den(y) - num(y) * den(x); return d < 0 ? -1 : d > 0 }
    NR == 1 { next }
    {
        p = $2; q = $3; half = "1/2"
        if ($1 == "noic") trade = cmp(p, q) != 0
        else if ($1 == "ic") trade = (cmp(q, half) > 0 && cmp(p, q) < 0) || (cmp(q, half) < 0 && cmp(p, q) > 0) ||
                                     (cmp(q, half) == 0 && cmp(p, half) != 0)
        else { bad++; if (!first) first = $0; next }
        want = trade ? "optimal" : "infeasible"
        if ($4 != want || $7 != "accepted" || (trade && $5 != "0")) { bad++; if (!first) first = $0 " (want " want ")" }
    }
    END { print bad + 0, first }' "$1"
}

lowest() { # lowest A B: A/B in lowest terms, as GMP prints it
    g=$1; h=$2; while [ "$h" -ne 0 ]; do t=$((g % h)); g=$h; h=$t; done
    [ $(($2 / g)) -eq 1 ] && echo $(($1 / g)) || echo "$(($1 / g))/$(($2 / g))"
}
grid="--grid p=1/12:11/12:11 --grid q=1/12:11/12:11"
nrows=242
if quick; then grid="--grid p=1/12:11/12:11 --grid q=1/6:5/6:5"; nrows=110; fi

# 1. The whole grid: every LP's verdict is the hand rule's, every certificate accepted.
S1=$TMP/full
$FARKAS sweep notrade $grid --jobs 2 --out "$S1" > "$TMP/full.log" 2>&1
rc=$?
set -- $(expect "$S1/results.tsv")
if [ "$rc" -ne 0 ]; then fail grid "exit $rc: $(tail -n 3 "$TMP/full.log")"
elif [ "$(sed 1d "$S1/results.tsv" | wc -l)" -ne "$nrows" ]; then fail grid "$(sed 1d "$S1/results.tsv" | wc -l) rows, want $nrows"
elif [ "$1" -ne 0 ]; then shift; fail grid "rows off the hand rule: $*"
else ok grid; fi
# the instances are the grid's points, each once, q fastest: k/12 written in lowest terms
qk="1 2 3 4 5 6 7 8 9 10 11"; quick && qk="2 4 6 8 10"
for a in 1 2 3 4 5 6 7 8 9 10 11; do for b in $qk; do
    printf '%s\t%s\n' "$(lowest $a 12)" "$(lowest $b 12)"
done; done > "$TMP/points"
cut -f 2- "$S1/instances.tsv" | sed 1d | cmp -s - "$TMP/points" && ok grid-points ||
    fail grid-points "instances.tsv is not the grid k/12"
[ "$(head -n 1 "$S1/results.tsv")" = "$(printf 'label\tp\tq\tstatus\tvalue\tcertificate\tchecked')" ] &&
    ok header || fail header "$(head -n 1 "$S1/results.tsv")"
# the checker, again and independently, on a sample of the certificates
n=0; bad=0
for c in $(awk -F '\t' 'NR > 1 && NR % 17 == 0 { print $6 }' "$S1/results.tsv"); do
    n=$((n + 1)); "$FARKAS_CHECK" "$S1/${c%.cert}.mps" "$S1/$c" >/dev/null 2>&1 || bad=$((bad + 1))
done
[ "$n" -gt 3 ] && [ "$bad" -eq 0 ] && ok farkas-check || fail farkas-check "$bad of $n rejected"
# summary.md: the counts and the region picture (row q=1/2 of the ic grid: trade except at p = 1/2)
grep -q "^| ic | infeasible | " "$S1/summary.md" && grep -q '^### ic' "$S1/summary.md" &&
    awk '/^### ic/ { on = 1 } on && /^q=1\/2 / { print $2; exit }' "$S1/summary.md" | grep -qx 'OOOOOIOOOOO' &&
    ok summary || fail summary "$(grep -A 8 '^### ic' "$S1/summary.md" | head -n 9)"
# the SVG picture: one cell per instance, as many infeasible-coloured cells as ic infeasible rows
ninf=$(awk -F '\t' '$1 == "ic" && $4 == "infeasible"' "$S1/results.tsv" | wc -l)
[ "$(grep -c '<rect x=.*<title>p=.*: ' "$S1/regions-ic.svg")" -eq "$((nrows / 2))" ] &&
    [ "$(grep -c '<title>p=.*: infeasible</title>' "$S1/regions-ic.svg")" -eq "$ninf" ] &&
    grep -q '!\[ic\](regions-ic.svg)' "$S1/summary.md" && ok svg || fail svg "regions-ic.svg"

# 2. --until: the first instance in grid order (q fastest) with an IC trade is,
# by the rule, p = 1/12 (q <= 1/2 needs p > q) at q = 1/2: instance 6 (3 on
# the quick grid), and it must be the full sweep's first IC trade too.
S2=$TMP/until
$FARKAS sweep notrade $grid --jobs 2 --until ic=feasible --out "$S2" > "$TMP/until.log" 2>&1
rc=$?
want=$(awk -F '\t' 'NR > 1 && $1 == "ic" && $4 == "optimal" { split($6, c, "/"); print c[2] " " $2 " " $3; exit }' "$S1/results.tsv")
wid=000006; quick && wid=000003
got=$(sed -n 's/^until ic=feasible: instance \([0-9]*\) (p=\([^ ]*\) q=\([^)]*\)), ic optimal$/\1 \2 \3/p' "$TMP/until.log")
nrun=$(ls "$S2/runs" | wc -l)
cert=$(sed -n 's/^  certificate: \([^ ]*\) (accepted by farkas check)$/\1/p' "$TMP/until.log")
if [ "$rc" -ne 0 ] || [ "$got" != "$wid 1/12 1/2" ] || [ "$want" != "$wid 1/12 1/2" ]; then
    fail until "exit $rc, got '$got', want '$wid 1/12 1/2' (full sweep says '$want')"
elif [ "$nrun" -gt $((${wid#0000} + 2)) ]; then fail until-early "$nrun instances ran, want at most $wid + 2 jobs"
else ok until; ok until-early; fi
[ -n "$cert" ] && "$FARKAS_CHECK" "${cert%.cert}.mps" "$cert" >/dev/null 2>&1 &&
    grep -q '^status optimal' "$cert" && [ -s "${cert%.cert}.md" ] &&
    grep -q "^  appendix:    ${cert%.cert}.md" "$TMP/until.log" && ok until-certificate ||
    fail until-certificate "'$cert' $(tail -n 4 "$TMP/until.log")"

# 3. Resume: the same sweep without --until finishes the rest and runs no
# instance twice; its results equal the uninterrupted sweep's.
$FARKAS sweep notrade $grid --jobs 2 --out "$S2" > "$TMP/resume.log" 2>&1
rc=$?
twice=$(cat "$S2"/runs/*/attempts | wc -l)
ninst=$(sed 1d "$S1/instances.tsv" | wc -l)
if [ "$rc" -ne 0 ]; then fail resume "exit $rc: $(tail -n 3 "$TMP/resume.log")"
elif [ "$twice" -ne "$ninst" ]; then fail resume "$twice runs for $ninst instances"
elif ! cmp -s "$S1/results.tsv" "$S2/results.tsv"; then fail resume "results.tsv differs from the full sweep's"
else ok resume; fi
$FARKAS sweep notrade $grid --jobs 2 --out "$S2" > "$TMP/again.log" 2>&1
[ "$(cat "$S2"/runs/*/attempts | wc -l)" -eq "$ninst" ] && ok resume-done || fail resume-done "ran again"
$FARKAS sweep notrade $grid --jobs 2 --until ic=feasible --out "$S2" > "$TMP/again.log" 2>&1
grep -q 'already found it; nothing run' "$TMP/again.log" && grep -q "^until ic=feasible: instance $wid " "$TMP/again.log" &&
    ok until-recorded || fail until-recorded "$(tail -n 3 "$TMP/again.log")"
$FARKAS sweep notrade --grid p=1/3:2/3:2 --grid q=1/2:1/2:1 --out "$S2" > "$TMP/other.log" 2>&1
[ $? -eq 2 ] && grep -q 'holds a different sweep' "$TMP/other.log" && ok other-sweep || fail other-sweep "$(cat "$TMP/other.log")"

# An interrupted sweep (SIGTERM to its process group, as a batch system does;
# SIGINT is ignored by background jobs of a script, so it is not the signal here) resumes
# without running again any instance that had finished.
printf '#!/bin/sh\ncase "$1" in case) sleep 1 ;; esac\nexec "%s" "$@"\n' "$FARKAS" > "$TMP/slow"
chmod +x "$TMP/slow"
S3=$TMP/intr
if command -v setsid >/dev/null 2>&1; then
    FK_SWEEP_FARKAS=$TMP/slow setsid $FARKAS sweep notrade --grid p=1/4:3/4:3 --grid q=1/4:3/4:3 --jobs 2 \
        --out "$S3" > "$TMP/intr.log" 2>&1 &
    pid=$!
    i=0
    while [ "$(ls "$S3"/runs/*/rows.tsv 2>/dev/null | wc -l)" -lt 3 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
    kill -TERM "-$pid" 2>/dev/null
    { wait $pid; } 2>/dev/null
    done_ids=$(cd "$S3/runs" && ls */rows.tsv 2>/dev/null | sed 's|/rows.tsv||')
    before=$(echo $done_ids | wc -w)
    $FARKAS sweep notrade --grid p=1/4:3/4:3 --grid q=1/4:3/4:3 --jobs 2 --out "$S3" > "$TMP/intr2.log" 2>&1
    rc=$?
    again=0
    for d in $done_ids; do [ "$(wc -l < "$S3/runs/$d/attempts")" -eq 1 ] || again=$((again + 1)); done
    set -- $(expect "$S3/results.tsv")
    if [ "$before" -ge 9 ] || [ "$before" -lt 3 ]; then fail interrupt "not interrupted midway ($before of 9 done)"
    elif [ "$rc" -ne 0 ] || [ "$1" -ne 0 ] || [ "$(sed 1d "$S3/results.tsv" | wc -l)" -ne 18 ]; then
        fail interrupt "resume: exit $rc, $* $(tail -n 2 "$TMP/intr2.log")"
    elif [ "$again" -ne 0 ]; then fail interrupt "$again finished instances ran again"
    else ok interrupt; fi
else
    skip interrupt "no setsid to interrupt a process group"
fi

# 4. A crash, a time-out and bad parameters are recorded and the sweep goes on:
# a stand-in farkas kills itself at p = 1/3 and hangs at p = 1/2; p = 2 is out of [0, 1].
cat > "$TMP/fake" <<EOF
#!/bin/sh
case "\$*" in
    "case notrade --p 1/3 "*) kill -SEGV \$\$ ;;
    "case notrade --p 1/2 "*) exec sleep 30 ;;
esac
exec "$FARKAS" "\$@"
EOF
chmod +x "$TMP/fake"
S4=$TMP/bad
FK_SWEEP_FARKAS=$TMP/fake $FARKAS sweep notrade --grid p=0:2:7 --grid q=2/3:2/3:1 --timeout 2 --out "$S4" > "$TMP/bad.log" 2>&1
rc=$?
st=$(awk -F '\t' 'NR > 1 { printf "%s:%s:%s ", $2, $1, $4 }' "$S4/results.tsv")
want="0:ic:optimal 0:noic:optimal 1/3:-:crash 2/3:ic:infeasible 2/3:noic:infeasible 1:ic:infeasible 1:noic:optimal 4/3:-:error 5/3:-:error 2:-:error "
# (p = 1/2 is no grid point of 0:2:7; the time-out comes next)
[ "$rc" -eq 1 ] && [ "$st" = "$want" ] && ok crash-error || fail crash-error "exit $rc: $st"
FK_SWEEP_FARKAS=$TMP/fake $FARKAS sweep notrade --grid p=1/2:1:2 --grid q=2/3:2/3:1 --timeout 1 --out "$TMP/to" > "$TMP/to.log" 2>&1
st=$(awk -F '\t' 'NR > 1 { printf "%s:%s:%s ", $2, $1, $4 }' "$TMP/to/results.tsv")
[ "$st" = "1/2:-:timeout 1:ic:infeasible 1:noic:optimal " ] && ok timeout || fail timeout "$st"

# 5. Random instances: reproducible from the seed, exact, inside the ranges
# with denominators <= --denom, and on the hand rule too.
$FARKAS sweep notrade --random p=1/12:11/12 --random q=1/12:11/12 --count 12 --seed 7 --denom 24 \
    --out "$TMP/r1" > "$TMP/r1.log" 2>&1
rc=$?
set -- $(expect "$TMP/r1/results.tsv")
[ "$rc" -eq 0 ] && [ "$1" -eq 0 ] && [ "$(sed 1d "$TMP/r1/results.tsv" | wc -l)" -eq 24 ] &&
    ok random || fail random "exit $rc, $*"
$FARKAS sweep notrade --random p=1/12:11/12 --random q=1/12:11/12 --count 12 --seed 7 --denom 24 \
    --slurm --out "$TMP/r2" > /dev/null 2>&1
$FARKAS sweep notrade --random p=1/12:11/12 --random q=1/12:11/12 --count 12 --seed 8 --denom 24 \
    --slurm --out "$TMP/r3" > /dev/null 2>&1
cmp -s "$TMP/r1/instances.tsv" "$TMP/r2/instances.tsv" && ! cmp -s "$TMP/r1/instances.tsv" "$TMP/r3/instances.tsv" &&
    ok random-seed || fail random-seed "the same seed gave other instances, or another seed the same"
awk -F '\t' 'NR > 1 { for (k = 2; k <= 3; k++) { split($k, a, "/"); d = a[2] == "" ? 1 : a[2]
        if (d > 24 || a[1] * 12 < d || a[1] * 12 > 11 * d) bad = 1 } } END { exit bad }' "$TMP/r1/instances.tsv" &&
    ok random-range || fail random-range "$(cat "$TMP/r1/instances.tsv")"

# 6. Usage errors.
for a in "--grid p=1:0:3" "--grid p=0:1" "--grid x=0:1:2" "--random p=0:1 --count 3" "--grid p=0:1:2 --random q=0:1"; do
    $FARKAS sweep notrade $a --out "$TMP/u" > /dev/null 2>&1
    [ $? -eq 2 ] || { fail usage "'$a' not exit 2"; a=; break; }
done
[ -n "$a" ] && ok usage

# 7. Slurm: a single-node cluster on localhost (slurmctld, slurmd, munged as
# root with everything in $TMP); the job array's results.tsv must equal the
# local sweep's.
slurm_up() {
    for b in munged mungekey slurmctld slurmd sbatch sinfo; do
        command -v $b >/dev/null 2>&1 || { echo "$b is not installed (Debian slurm-wlm, munge)"; return 1; }
    done
    [ "$(id -u)" = 0 ] || { echo "slurmd must run as root to start jobs"; return 1; }
    SL=$TMP/slurm; mkdir -p "$SL/state" "$SL/spool" || return 1
    mungekey -c -k "$SL/munge.key" >/dev/null 2>&1 && chmod 600 "$SL/munge.key" || { echo "mungekey failed"; return 1; }
    munged --key-file="$SL/munge.key" --socket="$SL/munge.sock" --pid-file="$SL/munged.pid" \
        --log-file="$SL/munged.log" --seed-file="$SL/munge.seed" --force >/dev/null 2>&1 || { echo "munged did not start"; return 1; }
    port=$((20000 + $$ % 20000)); h=$(hostname -s)
    cat > "$SL/slurm.conf" <<EOF
ClusterName=fktest
SlurmctldHost=$h(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$SL/munge.sock
CredType=cred/munge
StateSaveLocation=$SL/state
SlurmdSpoolDir=$SL/spool
SlurmctldPidFile=$SL/slurmctld.pid
SlurmdPidFile=$SL/slurmd.pid
SlurmctldLogFile=$SL/slurmctld.log
SlurmdLogFile=$SL/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$h NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=fktest Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
    SLURM_CONF=$SL/slurm.conf; export SLURM_CONF
    slurmctld -i >/dev/null 2>&1 || { echo "slurmctld did not start: $(tail -n 1 "$SL/slurmctld.log" 2>/dev/null)"; return 1; }
    slurmd >/dev/null 2>&1 || { echo "slurmd did not start: $(tail -n 1 "$SL/slurmd.log" 2>/dev/null)"; return 1; }
    i=0
    while [ $i -lt 30 ]; do
        sinfo -h -o %t 2>/dev/null | grep -q idle && return 0
        sleep 1; i=$((i + 1))
    done
    echo "the node did not come up: $(tail -n 1 "$SL/slurmd.log" 2>/dev/null)"; return 1
}
slurm_down() {
    for f in slurmd slurmctld munged; do
        [ -f "$SL/$f.pid" ] && kill "$(cat "$SL/$f.pid")" 2>/dev/null
    done
}
trap 'slurm_down 2>/dev/null; rm -rf "$TMP"' EXIT
coarse="--grid p=1/4:3/4:3 --grid q=1/4:3/4:3"
if slurm_up > "$TMP/why" 2>&1; then
    $FARKAS sweep notrade $coarse --jobs 2 --out "$TMP/loc" > /dev/null 2>&1
    $FARKAS sweep notrade $coarse --slurm --chunk 4 --out "$TMP/sl" > "$TMP/sl.log" 2>&1
    grep -q '^#SBATCH --array=1-3$' "$TMP/sl/slurm.sh" && ok slurm-script || fail slurm-script "$(cat "$TMP/sl.log")"
    timeout 120 sbatch --wait "$TMP/sl/slurm.sh" > "$TMP/sbatch.log" 2>&1
    rc=$?
    $FARKAS sweep --collect "$TMP/sl" > "$TMP/collect.log" 2>&1
    crc=$?
    if [ "$rc" -ne 0 ]; then fail slurm "sbatch exit $rc: $(cat "$TMP/sbatch.log")"
    elif [ "$crc" -ne 0 ]; then fail slurm "collect exit $crc: $(cat "$TMP/collect.log")"
    elif ! cmp -s "$TMP/loc/results.tsv" "$TMP/sl/results.tsv"; then fail slurm "results.tsv differs from the local sweep's"
    else ok slurm; fi
    [ "$(ls "$TMP/sl/slurm" | wc -l)" -eq 3 ] && ok slurm-tasks || fail slurm-tasks "$(ls "$TMP/sl/slurm")"
    slurm_down
else
    skip slurm "Slurm cannot start here: $(tail -n 1 "$TMP/why")"
    slurm_down
fi
finish
