/* sweep.h: `farkas sweep`, many instances of one case (or, later, one
 * mechanism file) with some of its numbers replaced, each in its own
 * process, and the verdicts collected.
 *
 *   farkas sweep TARGET [TARGET ARGS] (--grid NAME=LO:HI:STEPS ... |
 *                --random NAME=LO:HI ... --count N --seed S [--denom D])
 *                [--until [LABEL=]VERDICT] [--jobs J] [--timeout SEC]
 *                [--slurm [--chunk K]] --out DIR
 *   farkas sweep --collect DIR [--until [LABEL=]VERDICT]
 *
 * Each swept NAME replaces the value of the target's own option --NAME
 * (appended when the target arguments do not give it).  Values are exact
 * rationals: a grid has STEPS points LO + (HI - LO) k / (STEPS - 1),
 * k = 0 .. STEPS-1; a random value draws a denominator d uniformly from
 * 1..D (default 100), then a numerator uniformly among those with
 * LO <= n/d <= HI, from a SplitMix64 stream seeded with S, so the same
 * seed gives the same instances on every machine.  Grid instances are
 * numbered with the last parameter varying fastest.
 *
 * DIR holds: sweep.spec (what was asked; a rerun must ask the same),
 * instances.tsv (id and values), jobs.txt (one command per instance),
 * job.sh (runs one instance: `farkas ... --out DIR/runs/ID` under the
 * time limit, then `farkas check` on each certificate it wrote, then
 * `farkas sweep --record`, which writes DIR/runs/ID/rows.tsv, the done
 * marker), joblog (GNU parallel's), results.tsv, summary.md and, for two
 * parameters, regions-LABEL.svg.  Locally
 * GNU parallel runs jobs.txt with --joblog/--resume-failed and job.sh skips
 * an instance whose rows.tsv exists, so rerunning the same command runs no
 * finished instance again; --slurm writes DIR/slurm.sh, a job
 * array whose tasks run K instances each, and --collect merges.
 *
 * results.tsv: label, one column per parameter, status, value,
 * certificate, checked; one row per LP solved.  label is the LP's name
 * less the whole '-'-separated words that every LP of the sweep shares
 * (none when some LP's name is all of them); status is the
 * certificate's (optimal, infeasible, unbounded, feasible) or, for an
 * instance that produced none, crash, timeout, error (exit 2: bad
 * parameters) or no-verdict; value is the exact objective of an optimal
 * LP; checked is `farkas check`'s verdict (accepted, rejected, unreadable).
 *
 * --until LABEL=VERDICT stops at the first instance, in instance order, with
 * an LP whose name is LABEL or ends in -LABEL and whose status is VERDICT
 * (feasible matches optimal, feasible and unbounded: a point exists;
 * rejected matches a certificate the checker did not accept).  With J
 * jobs, parallel's --halt soon lets the running instances finish, so every
 * instance before the first hit has run: the hit reported is the first in
 * instance order, whatever the timing.
 *
 * Instances run the same farkas binary as the sweep, or $FK_SWEEP_FARKAS
 * (an absolute path) when set.
 *
 * Exit: 0 every instance done and every certificate accepted (with
 * --until: an instance found), 1 otherwise, 2 bad usage. */
#ifndef SWEEP_H
#define SWEEP_H

/* argv[0] is "sweep". */
int sweep_cmd(int argc, char **argv);

#endif
