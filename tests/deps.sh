#!/bin/sh
# deps.sh build|test: make sure the Debian packages farkas needs are there.
# As root it installs what is missing with apt-get; otherwise it names the
# exact packages to install and fails.
#   build: libgmp-dev libmpfr-dev libflint-dev (polynomials of the parametric solver)
#   test:  build's, plus the third-party checkers the tests run: z3 (SMT
#          exports), valgrind (leak check of the CLI), coq (coqc checks the
#          Coq exports), texlive-latex-base latexmk poppler-utils (the LaTeX
#          appendices compile; pdftotext reads their verdict), parallel
#          (farkas sweep runs its instances through GNU parallel),
#          slurm-wlm munge (t-sweep starts a single-node Slurm for --slurm)
set -u
need="libgmp-dev libmpfr-dev libflint-dev"
[ "${1:-build}" = test ] && need="$need z3 valgrind coq texlive-latex-base latexmk poppler-utils parallel slurm-wlm munge"
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing:$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null || exit 1
else
    echo "farkas needs these Debian packages: sudo apt-get install$missing" >&2
    exit 1
fi
