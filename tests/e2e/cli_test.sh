# The command line: help everywhere, documented exit codes for usage errors.
source "$(dirname "$0")/lib.sh" "$@"

expect_exit 0 "$RCC" --help
for sub in validate generate import export plan; do
  expect_in "$WORK/out" "$sub"
done
expect_in "$WORK/out" "Exit codes"
for sub in validate generate import export plan; do
  expect_exit 0 "$RCC" "$sub" --help
done
expect_exit 0 "$RCC" --version
expect_in "$WORK/out" "rcc 0.1.0"

expect_exit 2 "$RCC"                          # no subcommand
expect_exit 2 "$RCC" frobnicate
expect_exit 2 "$RCC" generate                 # --out missing
expect_exit 2 "$RCC" generate --engineers 0 --out "$WORK/x"
expect_exit 2 "$RCC" generate --engineers many --out "$WORK/x"
expect_exit 2 "$RCC" plan                     # neither --data nor --db
expect_exit 2 "$RCC" plan --data "$WORK/does-not-exist"
expect_exit 2 "$RCC" plan --data "$SRC/data/sample" --db "$WORK/x.db"
expect_exit 2 "$RCC" export --db "$WORK/missing.db" --out "$WORK/x"
[ ! -e "$WORK/x" ] || fail "a failed command wrote $WORK/x"
finish
