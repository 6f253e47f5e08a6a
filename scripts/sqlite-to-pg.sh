#!/usr/bin/env bash
# Copies every row of a SQLite KREDO database into a PostgreSQL one migrated to the same schema version
# (`kredo migrate --db <url>` first), table by table with COPY, triggers off during the copy (so the
# support-minutes aggregate is copied as it is, not rebuilt), then moves the sequences past the copied
# ids and runs VACUUM ANALYZE. Used for the PostgreSQL copy of the national dataset in the issue 6
# benchmark (the demo loader takes over an hour there). EMPTIES every table of the target first.
#   scripts/sqlite-to-pg.sh national.db SOCKET_DIR PORT        (database kredo_test, user postgres)
set -euo pipefail
db=$1; host=$2; port=$3
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres -d kredo_test)
tables=$(sqlite3 "$db" "select name from sqlite_master where type='table' and name not like 'sqlite_%' and name <> 'schema_migrations' order by name")
"${PSQL[@]}" -c "DO \$\$ BEGIN EXECUTE (SELECT 'TRUNCATE ' || string_agg(quote_ident(tablename), ', ') || ' CASCADE' FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'); END \$\$"
for t in $tables; do
  pgcols=$("${PSQL[@]}" -At -c "select column_name from information_schema.columns where table_schema=current_schema() and table_name='$t' and is_generated='NEVER' order by ordinal_position")
  if [ -z "$pgcols" ]; then echo "skip $t (not in PG)"; continue; fi
  sqcols=$(sqlite3 "$db" "select name from pragma_table_info('$t')")
  cols=$(comm -12 <(echo "$pgcols" | sort) <(echo "$sqcols" | sort))
  missing=$(comm -23 <(echo "$pgcols" | sort) <(echo "$sqcols" | sort) | paste -sd, -)
  [ -n "$missing" ] && echo "  $t: PG-only columns: $missing"
  blobs=" $(sqlite3 "$db" "select name from pragma_table_info('$t') where upper(type) = 'BLOB'" | paste -sd' ' -) "
  sel=""; qcols=""
  for c in $cols; do
    if [[ "$blobs" == *" $c "* ]]; then e="'\\x' || hex(\"$c\")"; else e="\"$c\""; fi
    sel="${sel:+$sel, }$e"; qcols="${qcols:+$qcols, }\"$c\""
  done
  t0=$(date +%s)
  { echo "SET session_replication_role = replica; COPY \"$t\" ($qcols) FROM STDIN WITH (FORMAT csv, NULL '\\N');"
    sqlite3 -csv -nullvalue '\N' "$db" "select $sel from \"$t\""
    echo '\.'
  } | "${PSQL[@]}"
  echo "$t $(( $(date +%s) - t0 )) s"
done
# sequences of serial/identity columns
"${PSQL[@]}" -At -c "select format('SELECT setval(%L, COALESCE((SELECT max(%I) FROM %I), 0) + 1, false);', pg_get_serial_sequence(quote_ident(c.table_name), c.column_name), c.column_name, c.table_name) from information_schema.columns c where c.table_schema = current_schema() and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null" | "${PSQL[@]}" >/dev/null
"${PSQL[@]}" -c "VACUUM ANALYZE"
echo loaded
