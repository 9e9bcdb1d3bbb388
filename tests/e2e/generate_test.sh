# rcc generate: deterministic, valid, fast enough; data/sample is exactly what it produces.
source "$(dirname "$0")/lib.sh" "$@"

expect_exit 0 "$RCC" generate --engineers 850 --clients 9 --seed 2027 --out "$WORK/a"
expect_exit 0 "$RCC" generate --engineers 850 --clients 9 --seed 2027 --out "$WORK/b"
diff -r "$WORK/a" "$WORK/b" >/dev/null || fail "same arguments gave different files"
diff -r "$WORK/a" "$SRC/data/sample" -x README.md >/dev/null ||
  fail "data/sample differs from 'rcc generate --engineers 850 --clients 9 --seed 2027'"
expect_exit 0 "$RCC" generate --engineers 850 --clients 9 --seed 2028 --out "$WORK/c"
if diff -q "$WORK/a/engineers.csv" "$WORK/c/engineers.csv" >/dev/null; then
  fail "another seed gave the same engineers"
fi
expect_exit 0 "$RCC" validate "$WORK/a"
expect_in "$WORK/out" "valid (850 engineers, 9 clients"

expect_exit 0 "$RCC" --json generate --engineers 20 --clients 3 --seed 1 --out "$WORK/d"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["engineers"]==20 and d["clients"]==3, d' "$WORK/out" ||
  fail "generate --json"
[ "$(ls "$WORK/d/calendars" | wc -l)" -eq 8 ] || fail "expected 8 holiday calendars"
finish
