#!/bin/sh
# ogi db: a private PostgreSQL server in a temporary directory, started,
# migrated (twice: a no-op), queried with psql, stopped. Prints TAP.
# Usage: tests/cli/db.sh PATH/TO/ogi
ogi=${1:-build/ogi}
ogi=$(cd "$(dirname "$ogi")" && pwd)/$(basename "$ogi")
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
pg=$tmp/pg
cleanup() {
    "$ogi" db stop --data "$pg" >/dev/null 2>&1
    for d in "$tmp/home/xdg/ogi/pg" "$tmp/home/.local/share/ogi/pg"; do
        [ -d "$d" ] && "$ogi" db stop --data "$d" >/dev/null 2>&1
    done
    # if ogi could not stop it, stop the server this test started by its pid
    if [ -f "$pg/data/postmaster.pid" ]; then
        kill -INT "$(head -1 "$pg/data/postmaster.pid")" 2>/dev/null
        sleep 1
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

output_has() { # text, command...
    text=$1
    shift
    "$@" >"$tmp/cmd" 2>&1
    rc=$?
    cat "$tmp/cmd"
    [ "$rc" -eq 0 ] && grep -qF -- "$text" "$tmp/cmd"
}
sql_is() { # expected, sql
    got=$("$ogi" db psql --data "$pg" -X -At -c "$2" 2>&1)
    echo "got: $got"
    [ "$got" = "$1" ]
}

migrations=$(ls deploy/sql/[0-9]*.sql | wc -l | tr -d ' ')
# the schema version: the newest migration's number (numbers may skip)
version=$(ls deploy/sql/[0-9]*.sql | tail -1 | sed 's|.*/0*\([0-9]*\)_.*|\1|')

check "db --help exits 0 and names every command" sh -c \
    "'$ogi' db --help | grep -q 'start' && '$ogi' db --help | grep -q 'psql' && '$ogi' db --help | grep -q 'migrate'"
check "db without a command is a usage error (2)" status_is 2 "$ogi" db
check "an unknown db command is a usage error (2)" status_is 2 "$ogi" db frobnicate
check "--data and --db together are a usage error (2)" \
    status_is 2 "$ogi" db status --data "$pg" --db "dbname=x"
check "status before start exits 3" status_is 3 "$ogi" db status --data "$pg"
check "stop when not running is a no-op (0)" status_is 0 "$ogi" db stop --data "$pg"
check "start initializes, starts, migrates" \
    output_has "migrations: $migrations applied now" "$ogi" db start --data "$pg"
check "status exits 0 and prints the socket directory" \
    output_has "running: $pg" "$ogi" db status --data "$pg"
check "status prints a conninfo" \
    output_has "conninfo: host=$pg port=5432 dbname=ogi user=postgres" \
    "$ogi" db status --data "$pg"
check "start when running is a no-op" \
    output_has "migrations: 0 applied now" "$ogi" db start --data "$pg"
check "migrate is a no-op once applied" \
    output_has "0 applied now, schema version $version" "$ogi" db migrate --data "$pg"
check "migrate again is still a no-op" \
    output_has "0 applied now, schema version $version" "$ogi" db migrate --data "$pg"
check "every migration is recorded once" \
    sql_is "$migrations" "SELECT count(*) FROM ogi_schema_migrations"
check "nothing listens on TCP" sql_is "" "SHOW listen_addresses"
check "the socket is in the directory" sql_is "$pg" "SHOW unix_socket_directories"
check "the tables are there" sql_is "8" \
    "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('documents', 'reports', 'findings', 'dead_letters', 'apply', 'appeal', 'active_2019_a20_5', 'active_2021_a20_8')"
check "raw bytes are compressed with lz4" sql_is "l" \
    "SELECT attcompression FROM pg_attribute WHERE attrelid = 'documents'::regclass AND attname = 'raw'"
check "the roles exist" sql_is "ogi_ingest|ogi_reporting" \
    "SELECT string_agg(rolname, '|' ORDER BY rolname) FROM pg_roles WHERE rolname LIKE 'ogi\\_%'"
conninfo=$("$ogi" db status --data "$pg" | sed -n 's/^conninfo: //p')
# an analyst's login, as README says: a login role in ogi_reporting
psql -XAtq "$conninfo" -c "CREATE ROLE analyst LOGIN IN ROLE ogi_reporting" >/dev/null 2>&1
analyst=$(printf '%s' "$conninfo" | sed 's/user=postgres/user=analyst/')
check "an analyst in ogi_reporting logs in and reads the views" sh -c \
    "[ \"\$(psql -XAtq '$analyst' -c 'SELECT count(*) FROM reports, labels LIMIT 1')\" = 0 ]"
check "... and cannot write" sh -c \
    "! psql -XAtq '$analyst' -c 'DELETE FROM documents' >/dev/null 2>&1"
check "every table and view of the schema has a comment" sql_is "0" \
    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v') AND obj_description(c.oid, 'pg_class') IS NULL"
check "every column of them has a comment" sql_is "" \
    "SELECT string_agg(c.relname || '.' || a.attname, ' ') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v') AND col_description(c.oid, a.attnum) IS NULL"
check "migrate --db CONNINFO from another directory" sh -c \
    "cd '$tmp' && '$ogi' db migrate --db '$conninfo' | grep -q '0 applied now'"
check "status --db CONNINFO" output_has "running" "$ogi" db status --db "$conninfo"
# the command line status prints, pasted into a shell as it is: its --db
# value connects
paste=$("$ogi" db status --data "$pg" | sed -n 's/^use it: //p')
pasted_db() { eval "set -- $paste"; [ "$3" = --db ] && psql -XAtq "$4" -c 'SELECT 1'; }
check "status prints a command line whose --db pastes into a shell" pasted_db
check "psql --db runs psql with its arguments" sh -c \
    "[ \"\$('$ogi' db psql --db '$conninfo' -At -c 'SELECT 40 + 2')\" = 42 ]"
check "stop stops the server" status_is 0 "$ogi" db stop --data "$pg"
check "status after stop exits 3" status_is 3 "$ogi" db status --data "$pg"
check "stop again is a no-op (0)" status_is 0 "$ogi" db stop --data "$pg"
check "migrate without a server fails (1)" status_is 1 "$ogi" db migrate --data "$pg"
check "... and says why, with a hint" sh -c \
    "'$ogi' db migrate --data '$pg' 2>&1 | tr '\\n' ' ' | grep -q 'could not connect to database: .* hint: start the private server'"
check "a restart keeps the data and initializes nothing" sh -c \
    "'$ogi' db start --data '$pg' > '$tmp/restart' && ! grep -q initializing '$tmp/restart' && grep -q '0 applied now' '$tmp/restart'"
check "stop after restart" status_is 0 "$ogi" db stop --data "$pg"

# Without --data, the directory is the same wherever ogi is started:
# $OGI_DATA, else $XDG_DATA_HOME/ogi/pg, else (root) /var/lib/ogi/pg, else
# $HOME/.local/share/ogi/pg.
mkdir -p "$tmp/a" "$tmp/b/c" "$tmp/home"
same_server() { # expected directory: status from two directories finds it
    (cd "$tmp/a" && "$ogi" db status) >"$tmp/sa" 2>&1 &&
        (cd "$tmp/b/c" && "$ogi" db status) >"$tmp/sb" 2>&1
    rc=$?
    cat "$tmp/sa" "$tmp/sb"
    [ "$rc" -eq 0 ] && grep -qxF "running: $1" "$tmp/sa" &&
        grep -qxF "running: $1" "$tmp/sb"
}
export OGI_DATA="$pg"
check "OGI_DATA: start without --data from one directory" sh -c \
    "cd '$tmp/a' && '$ogi' db start >/dev/null"
check "OGI_DATA: status from two other directories finds the same server" \
    same_server "$pg"
check "OGI_DATA: psql from another directory reaches it" sh -c \
    "cd '$tmp/b' && [ \"\$('$ogi' db psql -XAt -c 'SELECT 1')\" = 1 ]"
check "OGI_DATA: stop from another directory" sh -c "cd '$tmp/b' && '$ogi' db stop"
check "OGI_DATA: status after stop exits 3" status_is 3 "$ogi" db status
unset OGI_DATA
if [ "$(id -u)" -eq 0 ]; then
    # root's default is /var/lib/ogi/pg unless XDG_DATA_HOME is set
    home_dir=$tmp/home/xdg/ogi/pg
    export XDG_DATA_HOME="$tmp/home/xdg"
    check "no OGI_DATA, root: the default is /var/lib/ogi/pg" sh -c \
        "env -u XDG_DATA_HOME '$ogi' db status | grep -qx 'not running: /var/lib/ogi/pg'"
else
    home_dir=$tmp/home/.local/share/ogi/pg
    unset XDG_DATA_HOME
fi
export HOME="$tmp/home"
check "no OGI_DATA: start without --data from one directory" sh -c \
    "cd '$tmp/a' && '$ogi' db start >/dev/null"
check "no OGI_DATA: status from two other directories finds $home_dir" \
    same_server "$home_dir"
check "no OGI_DATA: stop from another directory" sh -c "cd '$tmp/b/c' && '$ogi' db stop"
"$ogi" db stop --data "$home_dir" >/dev/null 2>&1
finish
