# Shared helpers for the end-to-end tests. Each test is `bash X_test.sh RCC_BINARY SOURCE_DIR`.
set -euo pipefail
RCC=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect_exit CODE CMD...: runs CMD, keeps stdout/stderr in $WORK/out and $WORK/err.
expect_exit() {
  local want=$1
  shift
  local got=0
  "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  if [ "$got" -ne "$want" ]; then
    fail "exit $got, expected $want: $*"
    sed 's/^/  stdout: /' "$WORK/out" | head -20 >&2
    sed 's/^/  stderr: /' "$WORK/err" | head -20 >&2
  fi
}

expect_in() {  # expect_in FILE TEXT
  grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks: $2"
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "ok"
}
