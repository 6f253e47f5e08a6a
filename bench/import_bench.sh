#!/usr/bin/env bash
# Import figures on synthetic data (not a test: prints numbers, never fails on a time).
#   bash bench/import_bench.sh [BUILD_DIR]
#   BENCH_DB=postgresql://... bash bench/import_bench.sh   (an empty database; default a temp SQLite)
# Generates in a temp dir a ~30 MB MŠMT register XML and a 400,000-row RÚIAN address CSV in
# Windows-1250, imports both (and a catchment table for every address) into a fresh SQLite
# database with `kredo import`, and prints rows/s and peak memory (/usr/bin/time -v), then the
# p99 of catchment lookups.
# The register import is compared in the same run with libxml2's own streaming parse of the same
# file (`xmllint --stream --noout`, the reader kredo uses) and with a plain read (`wc -c`), and run on
# a register half the size as well: the importer streams, so its peak RSS should not grow with the file.
#   IMPORT_BENCH_PARTS="register" bash bench/import_bench.sh   (only the register part; default: all)
set -euo pipefail
BUILD=${1:-build}
KREDO=$(realpath "$BUILD/kredo")
LOOKUP_BENCH=$(realpath "$BUILD/catchment_lookup_bench" 2>/dev/null || true)
ADDRESSES=${ADDRESSES:-400000}
ENTITIES=${ENTITIES:-16000}
tmp=$(mktemp -d /tmp/kredo-import-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
db=${BENCH_DB:-"sqlite:$tmp/bench.db"}
PARTS=${IMPORT_BENCH_PARTS:-"addresses register catchments lookup"}
part() { case " $PARTS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

echo "generating $ADDRESSES RÚIAN rows (Windows-1250) and a register of $ENTITIES legal entities in $tmp"
awk -v n="$ADDRESSES" 'BEGIN {
  print "Kód ADM;Kód obce;Název obce;Kód MOMC;Název MOMC;Kód MOP;Název MOP;Kód části obce;Název části obce;Kód ulice;Název ulice;Typ SO;Číslo domovní;Číslo orientační;Znak čísla orientačního;PSČ;Souřadnice Y;Souřadnice X;Platí Od";
  split("Vymyšlená Smyšlená Ďábelská Čížková Řepná Žlutá Šťastná Úzká", streets, " ");
  for (i = 1; i <= n; i++) {
    s = streets[(i % 8) + 1];
    printf "%d;582786;Brno;%d;Brno-Fiktivní %d;;;%d;Část %d;%d;%s %d;č.p.;%d;%d;;%d;%d,%02d;%d.%02d;2011-12-01T00:00:00\r\n",
      10000000 + i, 551000 + i % 29, i % 29, 411000 + i % 48, i % 48, 700000 + i % 2000, s, i % 2000,
      i % 3000 + 1, i % 90 + 1, 60200 + (i % 50) * 10, 590000 + i % 20000, i % 100, 1150000 + i % 20000, i % 100
  }
}' | iconv -f UTF-8 -t WINDOWS-1250 > "$tmp/addresses.csv"

# register ENTITIES FILE: a synthetic MŠMT register (legacy XML), 3 schools per legal entity.
register() {
awk -v n="$1" -v na="$ADDRESSES" 'BEGIN {
  print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"; print "<ExportDat>";
  for (i = 1; i <= n; i++) {
    printf "  <PravniSubjekt>\n    <RedIzo>%09d</RedIzo>\n    <ICO>%08d</ICO>\n    <Reditelstvi>\n", 600000000 + i, 70000000 + i;
    printf "      <RedPlnyNazev>Základní škola a mateřská škola Fiktivnov %d, příspěvková organizace</RedPlnyNazev>\n", i;
    printf "      <RedRUAINKod>%d</RedRUAINKod>\n    </Reditelstvi>\n", 10000000 + (i * 7) % na + 1;
    printf "    <Zrizovatele>\n      <Zrizovatel>\n        <ZrizICO>44992785</ZrizICO>\n        <ZrizNazev>Statutární město Fiktivnov</ZrizNazev>\n      </Zrizovatel>\n    </Zrizovatele>\n";
    printf "    <SkolyZarizeni>\n";
    for (k = 0; k < 3; k++) {
      kind = k == 0 ? "B00" : (k == 1 ? "A00" : "L13");
      printf "      <SkolaZarizeni>\n        <IZO>%09d</IZO>\n        <SkolaPlnyNazev>Škola %s číslo %d</SkolaPlnyNazev>\n", 100000000 + i * 3 + k, kind, i;
      printf "        <SkolaDruhTyp>%s</SkolaDruhTyp>\n        <SkolaKapacita>%d</SkolaKapacita>\n", kind, 50 + i % 500;
      printf "        <SkolaMistaVykonuCinnosti>\n          <SkolaMistoVykonuCinnosti>\n            <MistoRUAINKod>%d</MistoRUAINKod>\n", 10000000 + (i * 13 + k) % na + 1;
      printf "            <MistoAdresa1>Vymyšlená %d</MistoAdresa1>\n            <MistoAdresa2>Brno-Fiktivní</MistoAdresa2>\n            <MistoAdresa3>60200 Brno</MistoAdresa3>\n", i;
      printf "          </SkolaMistoVykonuCinnosti>\n        </SkolaMistaVykonuCinnosti>\n      </SkolaZarizeni>\n";
    }
    printf "    </SkolyZarizeni>\n  </PravniSubjekt>\n";
  }
  print "</ExportDat>";
}' > "$2"
}
register "$ENTITIES" "$tmp/vrejcelk.xml"
register "$((ENTITIES / 2))" "$tmp/vrejcelk-half.xml"

# Every address gets a ZŠ and an MŠ catchment (rows = 2 x addresses).
awk -v n="$ADDRESSES" -v ne="$ENTITIES" 'BEGIN {
  print "kod_adm;izo;level";
  for (i = 1; i <= n; i++) {
    e = (i % ne) + 1;
    printf "%d;%09d;zs\n%d;%09d;ms\n", 10000000 + i, 100000000 + e * 3, 10000000 + i, 100000000 + e * 3 + 1
  }
}' > "$tmp/catchments.csv"

ls -l "$tmp"/*.csv "$tmp"/*.xml | awk '{ printf "  %-40s %6.1f MB\n", $NF, $5 / 1048576 }'
"$KREDO" migrate --db "$db" > /dev/null
if [ -r /proc/loadavg ]; then echo "  load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"; fi

# CPU seconds (user + system) of the last /usr/bin/time -v: on a shared machine the wall clock
# mostly measures the other jobs.
cpu_s() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$tmp/time.txt"; }

# run LABEL ROWS kredo-args...: wall time, rows/s, peak RSS.
run() {
  local label=$1 rows=$2
  shift 2
  /usr/bin/time -v -o "$tmp/time.txt" "$KREDO" "$@" > "$tmp/out.txt" 2>&1 || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tmp/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")
  printf "%-34s %8d rows  %7.2f s  %9.0f rows/s  peak RSS %6.1f MB  CPU %6.2f s\n" "$label" "$rows" "$wall" \
    "$(awk -v r="$rows" -v w="$wall" 'BEGIN { print (w > 0 ? r / w : 0) }')" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$(cpu_s)"
  head -n 1 "$tmp/out.txt" | sed 's/^/    /'
}

# ref LABEL BYTES cmd...: a reference reading the same file: wall time, MB/s, peak RSS.
ref() {
  local label=$1 bytes=$2
  shift 2
  /usr/bin/time -v -o "$tmp/time.txt" "$@" > /dev/null 2>&1 || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tmp/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")
  printf "%-34s %8.1f MB  %7.2f s  %9.1f MB/s    peak RSS %6.1f MB  CPU %6.2f s\n" "$label" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" \
    "$wall" "$(awk -v b="$bytes" -v w="$wall" 'BEGIN { print (w > 0 ? b / 1048576 / w : 0) }')" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$(cpu_s)"
  echo "$wall" > "$tmp/last_wall"
  cpu_s > "$tmp/last_cpu"
}

if part addresses; then
  run "import addresses (400k, cp1250)" "$ADDRESSES" import addresses "$tmp/addresses.csv" --db "$db"
  run "re-import addresses (updates)" "$ADDRESSES" import addresses "$tmp/addresses.csv" --db "$db"
fi
if part register; then
  size=$(stat -c %s "$tmp/vrejcelk.xml")
  half=$(stat -c %s "$tmp/vrejcelk-half.xml")
  echo "register: $(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1048576 }') MB, $((ENTITIES * 3)) schools; half: $(awk -v b="$half" 'BEGIN { printf "%.1f", b / 1048576 }') MB"
  ref "reference: wc -c" "$size" wc -c "$tmp/vrejcelk.xml"
  ref "reference: xmllint --stream" "$size" xmllint --stream --noout "$tmp/vrejcelk.xml"
  xml_wall=$(cat "$tmp/last_wall")
  xml_cpu=$(cat "$tmp/last_cpu")
  hdb="sqlite:$tmp/half.db"
  [ -n "${BENCH_DB:-}" ] && hdb=$db
  "$KREDO" migrate --db "$hdb" > /dev/null
  run "import schools (half register)" "$((ENTITIES / 2 * 3))" import schools "$tmp/vrejcelk-half.xml" --db "$hdb"
  half_rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")
  run "import schools (register XML)" "$((ENTITIES * 3))" import schools "$tmp/vrejcelk.xml" --db "$db"
  full_rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")
  full_cpu=$(cpu_s)
  full_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tmp/time.txt")
  awk -v f="$full_wall" -v x="$xml_wall" -v fc="$full_cpu" -v xc="$xml_cpu" -v b="$size" -v hr="$half_rss" -v fr="$full_rss" 'BEGIN {
    printf "  register import: %.1f MB/s; %.1fx the wall time (%.1fx the CPU time) of libxml2 streaming the same file alone\n", b / 1048576 / f, (x > 0 ? f / x : 0), (xc > 0 ? fc / xc : 0)
    printf "  peak RSS: half register %.1f MB, full register %.1f MB (x%.2f for twice the file)\n", hr / 1024, fr / 1024, (hr > 0 ? fr / hr : 0) }'
  run "import schools --municipality" "$((ENTITIES * 3))" import schools "$tmp/vrejcelk.xml" --db "$db" --municipality 582786
fi
if part catchments; then
  run "import catchments" "$((ADDRESSES * 2))" import catchments "$tmp/catchments.csv" --db "$db"
fi

if ! part lookup; then
  exit 0
fi
if [ -n "$LOOKUP_BENCH" ] && [ -x "$LOOKUP_BENCH" ]; then
  "$LOOKUP_BENCH" "$db" 100000
else
  echo "catchment_lookup_bench not built (needs libbenchmark-dev for bench targets)"
fi
