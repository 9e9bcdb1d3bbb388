# rcc import / export: one transaction, exact round trip, bad input leaves the store as it was.
source "$(dirname "$0")/lib.sh" "$@"

expect_exit 0 "$RCC" import "$SRC/data/sample" --db "$WORK/rcc.db"
expect_in "$WORK/out" "850 engineers, 9 clients"
expect_exit 0 "$RCC" export --db "$WORK/rcc.db" --out "$WORK/export1"
diff -r -x README.md "$SRC/data/sample" "$WORK/export1" >/dev/null || fail "export differs from the imported dataset"

expect_exit 0 "$RCC" import "$WORK/export1" --db "$WORK/second.db"
expect_exit 0 "$RCC" export --db "$WORK/second.db" --out "$WORK/export2"
diff -r "$WORK/export1" "$WORK/export2" >/dev/null || fail "import -> export -> import -> export changed the files"

# A rejected import writes nothing: the store still exports the sample.
expect_exit 2 "$RCC" import "$SRC/tests/data/planted-errors" --db "$WORK/rcc.db"
expect_in "$WORK/err" "nothing was written"
expect_exit 0 "$RCC" export --db "$WORK/rcc.db" --out "$WORK/export3"
diff -r "$WORK/export1" "$WORK/export3" >/dev/null || fail "a rejected import changed the store"

# The store is plain SQLite: queryable with the sqlite3 shell when it is installed.
if command -v sqlite3 >/dev/null; then
  n=$(sqlite3 "$WORK/rcc.db" "SELECT COUNT(*) FROM engineers")
  [ "$n" = 850 ] || fail "engineers table holds $n rows"
  # Every migration applied, in order, each once.
  v=$(sqlite3 "$WORK/rcc.db" "SELECT MAX(version) = COUNT(*) AND MIN(version) = 1 FROM schema_migrations")
  [ "$v" = 1 ] || fail "schema migrations: $(sqlite3 "$WORK/rcc.db" "SELECT version FROM schema_migrations")"
fi

# An empty database holds no center.
expect_exit 0 "$RCC" import "$SRC/data/sample" --db "$WORK/other.db"
rm "$WORK/other.db"*
touch "$WORK/empty.db"
expect_exit 2 "$RCC" export --db "$WORK/empty.db" --out "$WORK/export4"
expect_in "$WORK/err" "holds no center"
finish
