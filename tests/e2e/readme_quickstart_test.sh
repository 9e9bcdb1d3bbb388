# The README's quick start works as written: its block runs in a fresh folder (with this build's
# binary and the sample center) on a free port, and the ticket it creates is assigned.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/repo/build"
ln -s "$(readlink -f "$RCC")" "$WORK/repo/build/rcc"
ln -s "$(readlink -f "$SRC")/data" "$WORK/repo/data"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -n '/^<!-- quickstart -->$/,/^<!-- \/quickstart -->$/p' "$SRC/README.md" | sed '1,2d;$d' | sed '$d' |
  sed "s/8080/$PORT/g" >"$WORK/quickstart.sh"
grep -q "rcc import" "$WORK/quickstart.sh" || fail "no quick start block found in README.md"

(cd "$WORK/repo" && timeout 300 bash -e "$WORK/quickstart.sh") >"$WORK/out" 2>"$WORK/err" ||
  fail "the quick start failed: $(tail -5 "$WORK/err")"
python3 - "$WORK/out" <<'PY' || fail "the quick start's answers: $(cat "$WORK/out")"
import json, sys
text = open(sys.argv[1]).read()
decoder, docs, i = json.JSONDecoder(), [], 0
while i < len(text):
    if text[i].isspace():
        i += 1
        continue
    try:
        doc, i = decoder.raw_decode(text, i)
        docs.append(doc)
    except json.JSONDecodeError:  # the commands' own lines ("imported ...", "rcc serve: ...")
        i = text.find("\n", i) + 1 or len(text)
run, plan_shifts, today_shifts, ticket = docs
assert run["status"] == "succeeded" and all(s["status"] == "ok" for s in run["stages"]), run
assert [s["stage"] for s in run["stages"]][-1] == "simulate"
assert plan_shifts > 0 and today_shifts == 850, (plan_shifts, today_shifts)
assert ticket["id"] == 1 and ticket["response_due"]["client"].endswith("+03:00"), ticket
import datetime
hour = (datetime.datetime.utcnow() + datetime.timedelta(hours=5)).hour
if 6 <= hour < 15:  # the morning shift in Pakistan: somebody is on shift to take it
    assert ticket["status"] == "assigned" and ticket["engineer"], ticket
PY
finish
