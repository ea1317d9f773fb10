#!/bin/sh
# t-cases-bad.sh: bad type-space (.tsp) and game (.nfg) files given to
# `farkas case` exit 2 with "file:line: message" on stderr.
. tests/cli/lib.sh

if ! "$FARKAS" case list >/dev/null 2>&1; then
    skip cases "this farkas has no 'case' command"
    finish; exit $?
fi

# bad NAME CASE EXPECTED-STDERR-PREFIX  (file content on stdin)
bad() { case_bad "$1" "$2" "$3"; }

bad keyword.tsp notrade "2: unknown keyword 'player'" <<'E'
# comment
player 2
E
bad sum.tsp notrade "6: beliefs of player 2 type b sum to 1/2, not 1" <<'E'
players 2
states s
types 1 a
types 2 b
belief 1 a b s 1
belief 2 b a s 1/2
E
bad number.tsp notrade "5: bad number '0.x'" <<'E'
players 1
states s t
types 1 a
belief 1 a s 1/2
belief 1 a t 0.x
E
bad negative.tsp concordance "4: negative probability '-1/2'" <<'E'
players 1
states s t
types 1 a
belief 1 a s -1/2
E
bad type.tsp notrade "5: unknown type 'c' of player 2" <<'E'
players 2
states s
types 1 a
types 2 b
belief 1 a c s 1
E
bad fields.tsp notrade "5: 'belief' takes: player, type, the others' types, state, probability" <<'E'
players 2
states s
types 1 a
types 2 b
belief 1 a s 1
E
bad notypes.tsp notrade "4: no 'types' line for player 2" <<'E'
players 2
states s
types 1 a
belief 1 a b s 1
E
bad mixed.tsp notrade "5: 'belief' and 'prior' lines cannot be mixed" <<'E'
players 1
states s
types 1 a
prior a s 1
belief 1 a s 1
E
bad twice.tsp notrade "6: entry given twice" <<'E'
players 1
states s t
types 1 a
belief 1 a s 1/2
belief 1 a t 1/2
belief 1 a s 1/2
E
bad name.tsp notrade "2: bad name 's[1]'" <<'E'
players 1
states s[1] t
E
bad zero.tsp notrade "4: type 'b' of player 1 has prior probability 0" <<'E'
players 1
states s
types 1 a b
prior a s 1
E
bad empty.tsp notrade "1: no belief or prior lines" <<'E'
players 1
E
"$FARKAS" case notrade "$TMP/nonexistent.tsp" --out "$TMP/out" >/dev/null 2>"$TMP/err"
[ $? -eq 2 ] && grep -q "cannot open" "$TMP/err" && ok missing || fail missing "$(cat "$TMP/err")"

if need_case minmax "bad .nfg files"; then
bad header.nfg minmax "1: expected 'NFG 1 R'" <<'E'
NFG 2 R "x" { "1" "2" } { 2 2 }
E
bad short.nfg minmax "3: expected 8 payoffs, found 7" <<'E'
NFG 1 R "short" { "1" "2" } { 2 2 }

1 1 0 2 2 0 3
E
bad payoff.nfg minmax "2: bad number 'x'" <<'E'
NFG 1 R "bad" { "1" "2" } { 1 1 }
1 x
E
bad outcome.nfg minmax "6: outcome 3 out of range (0..2)" <<'E'
NFG 1 R "o" { "1" "2" }
{ { "U" "D" } { "L" } }
""
{ { "a" 1, 1 }
  { "b" 0, 0 } }
1 3
E
bad brace.nfg minmax "2: unterminated string" <<'E'
NFG 1 R "t" { "1" "2" } { 1 1 }
"oops
E
fi

if need_case bce "bad .bce files"; then
bad kw.bce bce "2: unknown keyword 'player'" <<'E'
# a base game
player 1
E
bad prior.bce bce "3: prior sums to less than 1" <<'E'
players 1
states a b
prior 1/2 1/3
E
bad priorn.bce bce "3: 'prior' needs one probability per state" <<'E'
players 1
states a b
prior 1
E
bad act.bce bce "6: unknown action 'X' of player 1" <<'E'
players 1
states a
prior 1
actions 1 C N
# payoff with a bad action
payoff a X 1
E
bad state.bce bce "5: unknown state 'z'" <<'E'
players 1
states a
prior 1
actions 1 C N
payoff z C 1
E
bad fields.bce bce "5: 'payoff' takes: state, one action per player, one payoff per player" <<'E'
players 1
states a
prior 1
actions 1 C
payoff a C 1 1
E
bad noact.bce bce "5: no 'actions' line for player 2" <<'E'
players 2
states a
prior 1
actions 1 C
payoff a C C 1 1
E
bad twice.bce bce "6: entry given twice" <<'E'
players 1
states a
prior 1
actions 1 C
payoff a C 1
payoff a C 2
E
bad num.bce bce "5: bad number '1/x'" <<'E'
players 1
states a
prior 1
actions 1 C
objective a C 1/x
E
bad nopay.bce bce "4: no payoff lines" <<'E'
players 1
states a
prior 1
actions 1 C
E
bad neg.bce bce "3: negative probability '-1'" <<'E'
players 1
states a b
prior -1 2
E
fi

# cases with arguments only: bad arguments exit 2 with a message
badarg() { # badarg LABEL EXPECTED-SUBSTRING ARGS...
    label=$1; want=$2; shift 2
    "$FARKAS" case "$@" --out "$TMP/out" >/dev/null 2>"$TMP/err"
    rc=$?
    if [ "$rc" -eq 2 ] && grep -q "$want" "$TMP/err"; then ok "$label"
    else fail "$label" "exit $rc: $(head -n 1 "$TMP/err")"; fi
}
if need_case ms "bad ms, vcg and double-auction arguments"; then
badarg ms-grid "strictly increasing" ms --values 1,1 --costs 0
badarg ms-prior "sum to" ms --values 0,1 --costs 0 --pv 1/2,1/3
badarg ms-number "bad number '1/0'" ms --values 1/0 --costs 0
badarg ms-tie "tie takes" ms --tie sometimes
badarg ms-sweep "sweep takes" ms --sweep 5-2
badarg vcg-args "arguments are" vcg --bogus
badarg da-order "v_l < v_h" double-auction --vl 3 --vh 2
badarg da-pi "1/2 < pi" double-auction --pi 1/2
fi
if need_case bce "bad bce, chung-ely and bm-separable arguments"; then
badarg bce-cost "low < cost < high" bce --cost 2
badarg bce-opt "unknown or incomplete option" bce --bogus 1
badarg ce-prior "prior" chung-ely --values 1,2 --prior 1/2,1/2
badarg ce-values "strictly increasing" chung-ely --values 2,1
badarg ce-zero "> 0 everywhere" chung-ely --values 1,2 --prior 1/2,1/2,0,0
badarg bm-args "takes no arguments" bm-separable x
fi
finish
