#!/usr/bin/env bash
# `digiready import` inputs (issue #13), one case per ctest test:
#   import_cases.sh CASE DIGIREADY DIGIREADY_GEN SURVEY_DIR
# Records come from digiready-gen (fixed seed); each case checks the printed counts, the exit code
# and what was written.
set -euo pipefail
case_name=$1 cli=$2 gen=$3 surveys=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL ($case_name): $*" >&2; exit 1; }
expect_line() {  # FILE TEXT: FILE has a line that is exactly TEXT
  grep -qxF -- "$2" "$1" || { cat "$1" >&2; fail "expected line: $2"; }
}
import() { "$cli" import --survey-dir "$surveys" "$@"; }

"$gen" 40 --seed 3 --survey "$surveys/household-digital-skills.json" --ndjson "$tmp/all.ndjson"

case $case_name in
  directory)
    # Nested folders, and files that are not records, as a team's shared folder looks.
    "$gen" 40 --seed 3 --survey "$surveys/household-digital-skills.json" --dir "$tmp/results/commune-a"
    echo "notes" > "$tmp/results/README.txt"
    import "$tmp/results" --aggregates "$tmp/dir-agg.csv" > "$tmp/out" || fail "exit $?"
    expect_line "$tmp/out" "files: 40, verified: 40, failed: 0, duplicates: 0, changed: 0"
    # The same records as NDJSON give the same figures.
    import "$tmp/all.ndjson" --aggregates "$tmp/nd-agg.csv" > /dev/null
    cmp "$tmp/dir-agg.csv" "$tmp/nd-agg.csv" || fail "directory and NDJSON aggregates differ"
    ;;
  indicators)
    # `digiready indicators` takes the same inputs: a directory and NDJSON give the same table, and
    # every generated record of the survey counts.
    "$gen" 40 --seed 3 --survey "$surveys/household-digital-skills.json" --dir "$tmp/results"
    "$cli" indicators "$tmp/results" --survey-dir "$surveys" --csv "$tmp/dir-ind.csv" > "$tmp/out" || fail "exit $?"
    expect_line "$tmp/out" "records: 40 read, 40 kept, 0 failed"
    "$cli" indicators "$tmp/all.ndjson" --survey-dir "$surveys" --csv "$tmp/nd-ind.csv" > "$tmp/out2" || fail "exit $?"
    expect_line "$tmp/out2" "records: 40 read, 40 kept, 0 failed"
    cmp "$tmp/dir-ind.csv" "$tmp/nd-ind.csv" || fail "directory and NDJSON indicator tables differ"
    grep -q "adult_smartphone" "$tmp/out" || { cat "$tmp/out" >&2; fail "no household indicator in the table"; }
    # A record whose stored score was edited and its checksum stamped again: `import` and the
    # organiser's page count it with the recomputed scores, flagged "changed"; the indicators count
    # it too (they read answers, not scores), so the three give the same figures. A record whose
    # checksum no longer matches counts nowhere.
    head -1 "$tmp/all.ndjson" | python3 -c '
import hashlib, json, sys
# Numbers as the core writes them: shortest form, whole numbers without ".0".
r = json.loads(sys.stdin.read(), parse_float=lambda t: int(float(t)) if float(t).is_integer() else float(t))
r["id"] = "e" * 31 + "1"
r["scores"]["overall"] = 99.5
r.pop("checksum")
canonical = json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
r["checksum"] = hashlib.sha256(canonical.encode()).hexdigest()
print(json.dumps(r, ensure_ascii=False))
r["scores"]["overall"] = 12
r["id"] = "e" * 31 + "2"
print(json.dumps(r, ensure_ascii=False))' > "$tmp/results/edited.ndjson"
    import "$tmp/results" > "$tmp/out3" 2> /dev/null || true
    expect_line "$tmp/out3" "files: 42, verified: 41, failed: 1, duplicates: 0, changed: 1"
    "$cli" indicators "$tmp/results" --survey-dir "$surveys" > "$tmp/out4" 2> "$tmp/err4" && fail "a failed record exits 0"
    expect_line "$tmp/out4" "records: 42 read, 41 kept, 1 failed"
    expect_line "$tmp/out4" "changed: 1 records whose stored scores differ (counted; scores are recomputed)"
    grep -q "overall: stored 99.5" "$tmp/err4" || { cat "$tmp/err4" >&2; fail "the changed score is not said"; }
    ;;
  indicators_dates)
    # A reporting period: only records completed on those local days count, at the offset given
    # (a record completed at 20:20 UTC on 4 March is 5 March in Vietnam). The expected counts are
    # worked out here from the records' completion times, apart from the app's code.
    read -r inside outside < <(python3 -c '
import json, sys, datetime as dt
inside = outside = 0
for line in open(sys.argv[1]):
    t = dt.datetime.strptime(json.loads(line)["completed"], "%Y-%m-%dT%H:%M:%SZ") + dt.timedelta(hours=7)
    if "2026-03-05" <= t.strftime("%Y-%m-%d") <= "2026-03-10": inside += 1
    else: outside += 1
print(inside, outside)' "$tmp/all.ndjson")
    [ "$inside" -gt 0 ] && [ "$outside" -gt 0 ] || fail "the generated records do not straddle the period"
    "$cli" indicators "$tmp/all.ndjson" --survey-dir "$surveys" --from 2026-03-05 --to 2026-03-10 \
      --utc-offset +07:00 --csv "$tmp/period.csv" > "$tmp/out" || fail "exit $?"
    expect_line "$tmp/out" "records: 40 read, $inside kept, 0 failed"
    expect_line "$tmp/out" "dates: 2026-03-05 to 2026-03-10, local days at UTC+07:00: $outside records completed outside them left out"
    # An open end, and a date that is not one.
    "$cli" indicators "$tmp/all.ndjson" --survey-dir "$surveys" --from 2026-03-05 --utc-offset +07:00 > "$tmp/out2" || fail "exit $?"
    grep -q "^dates: 2026-03-05 to any," "$tmp/out2" || { cat "$tmp/out2" >&2; fail "an open end"; }
    "$cli" indicators "$tmp/all.ndjson" --survey-dir "$surveys" --from 2026-02-30 > /dev/null 2>&1 && fail "30 February accepted"
    ;;
  old_province)
    # The worked example of docs/indicators.md "By old province": answers in (household survey 2.1.0
    # and 2.0.0), figures by the province before 1 July 2025 out.
    hh() {  # VERSION_FILE NAME PROVINCE OLD ADULTS SMARTPHONE
      local old=""
      [ -n "$4" ] && old=",\"old_province_$3\":\"$4\""
      echo "{\"household_code\":\"$2\",\"province\":\"$3\"$old,\"commune\":\"Xã 1\",\"village\":\"Thôn 1\",\"household_size\":$5,\"adults\":$5,\"adults_smartphone\":$6}" > "$tmp/$2.answers"
      mkdir -p "$tmp/hh"
      "$cli" score "$surveys/$1" "$tmp/$2.answers" > "$tmp/hh/$2.json" 2> /dev/null || fail "score $2: exit $?"
    }
    hh household-digital-skills.json HP-1 hai_phong hai_duong 3 2
    hh household-digital-skills.json HP-2 hai_phong hai_phong 2 2
    hh archive/household-digital-skills-2.0.0.json HP-3 hai_phong "" 4 1
    hh archive/household-digital-skills-2.0.0.json HN-1 ha_noi "" 1 1
    hh household-digital-skills.json HN-2 ha_noi "" 2 0
    ind() { "$cli" indicators "$tmp/hh" --survey-dir "$surveys" "$@"; }
    ind --old-province hai_duong > "$tmp/out" || fail "exit $?"
    expect_line "$tmp/out" "records: 5 read, 1 kept, 0 failed"
    expect_line "$tmp/out" "old province unknown: 1 records (left out)"
    expect_line "$tmp/out" "adult_smartphone: 2 of 3 (66.67 %, 1 records), target 80 %"
    ind --old-province "Hải Dương" > "$tmp/out2" || fail "exit $?"
    cmp "$tmp/out" "$tmp/out2" || fail "the name and the code of an old province differ"
    ind --old-province ha_noi > "$tmp/out" || fail "exit $?"
    expect_line "$tmp/out" "records: 5 read, 2 kept, 0 failed"
    expect_line "$tmp/out" "old province unknown: 0 records (left out)"
    expect_line "$tmp/out" "adult_smartphone: 1 of 3 (33.33 %, 2 records), target 80 %"
    ind --by old_province > "$tmp/out" || fail "exit $?"
    expect_line "$tmp/out" "old province unknown: 1 records (grouped apart)"
    expect_line "$tmp/out" "Hải Dương · adult_smartphone: 2 of 3 (66.67 %, 1 records), target 80 %"
    expect_line "$tmp/out" "TP. Hải Phòng · adult_smartphone: 2 of 2 (100 %, 1 records), target 80 %"
    expect_line "$tmp/out" "TP. Hà Nội · adult_smartphone: 1 of 3 (33.33 %, 2 records), target 80 %"
    expect_line "$tmp/out" "(không rõ tỉnh cũ) · adult_smartphone: 1 of 4 (25 %, 1 records), target 80 %"
    ;;
  ndjson)
    import "$tmp/all.ndjson" --ndjson "$tmp/export.ndjson" --csv "$tmp/rows.csv" > "$tmp/out" || fail "exit $?"
    expect_line "$tmp/out" "files: 40, verified: 40, failed: 0, duplicates: 0, changed: 0"
    expect_line "$tmp/out" "survey household-digital-skills 2.1.0: 40 respondents, mean overall 34.68 %"
    cmp "$tmp/all.ndjson" "$tmp/export.ndjson" || fail "the export is not the records read"
    [ "$(wc -l < "$tmp/rows.csv")" -eq 41 ] || fail "CSV: header + 40 rows expected"
    # Exporting over the file being read: it is read whole before it is replaced.
    import "$tmp/export.ndjson" --ndjson "$tmp/export.ndjson" > /dev/null || fail "in place: exit $?"
    cmp "$tmp/all.ndjson" "$tmp/export.ndjson" || fail "exporting over the input lost records"
    ;;
  stdin)
    import - < "$tmp/all.ndjson" > "$tmp/out" || fail "exit $?"
    expect_line "$tmp/out" "files: 40, verified: 40, failed: 0, duplicates: 0, changed: 0"
    # Any mix: the same records again from a file and from stdin are duplicates, counted once.
    head -5 "$tmp/all.ndjson" > "$tmp/first5.jsonl"
    head -1 "$tmp/all.ndjson" > "$tmp/one.json"
    import "$tmp/one.json" - "$tmp/first5.jsonl" < "$tmp/all.ndjson" > "$tmp/out" || fail "mixed: exit $?"
    expect_line "$tmp/out" "files: 46, verified: 40, failed: 0, duplicates: 6, changed: 0"
    ;;
  over_limit)
    # One record over the 256 KiB limit inside an NDJSON file: that record fails, the rest count.
    { head -20 "$tmp/all.ndjson"; printf '{"notes":"%0300000d"}\n' 0; tail -n +21 "$tmp/all.ndjson"; } > "$tmp/big.ndjson"
    [ "$(stat -c %s "$tmp/big.ndjson")" -gt 262144 ] || fail "test file should be over the per-record limit"
    set +e
    import "$tmp/big.ndjson" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    set -e
    [ $rc -eq 1 ] || fail "exit $rc, want 1 (a record failed)"
    expect_line "$tmp/out" "files: 41, verified: 40, failed: 1, duplicates: 0, changed: 0"
    expect_line "$tmp/err" "failed: $tmp/big.ndjson:21"
    expect_line "$tmp/err" "  $tmp/big.ndjson:21: record is 300012 bytes, over the limit of 262144"
    ;;
  memory)
    # Streaming: memory grows with distinct ids (plus the training list), not with whole records.
    # Keeping every record, as before, cost about 7.6 KB each; here the growth must stay under 2 KB.
    "$gen" 20000 --seed 4 --survey "$surveys/household-digital-skills.json" --ndjson "$tmp/big.ndjson"
    head -2000 "$tmp/big.ndjson" > "$tmp/small.ndjson"
    peak_kb() {
      /usr/bin/time -f %M -o "$tmp/rss" "$cli" import --survey-dir "$surveys" "$1" \
        --aggregates "$tmp/s.csv" --training "$tmp/t.csv" > /dev/null || fail "exit $?"
      cat "$tmp/rss"
    }
    small=$(peak_kb "$tmp/small.ndjson") big=$(peak_kb "$tmp/big.ndjson")
    per_record=$(( (big - small) * 1024 / 18000 ))
    echo "peak RSS: 2000 records $small KB, 20000 records $big KB: $per_record bytes per record"
    [ "$per_record" -lt 2048 ] || fail "memory grows by $per_record bytes per record"
    ;;
  *) fail "unknown case" ;;
esac
echo "ok: $case_name"
