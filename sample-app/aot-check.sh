#!/usr/bin/env bash
# The sample app as an ahead-of-time build, run on the JVM: Spring's process-aot (what a GraalVM native image
# is built from; no GraalVM here) fixes the application's bean definitions at build time, and
# 'java -Dspring.aot.enabled=true -jar' runs with them instead of the auto-configuration. Checks, in real
# processes on a SQLite file of its own:
#   - the jar is an AOT build and carries paig-db's native-image hints,
#   - 'db current --check-heads' on the empty database prints 'base' and exits 1 (not at head),
#   - 'db upgrade head' applies the revisions and exits 0,
#   - the application itself starts, finds the database up to date and serves /actuator/migrations.
# Usage: sample-app/aot-check.sh            (builds with ./mvnw -Paot -pl sample-app -am package first)
#        AOT_CHECK_SKIP_BUILD=1 sample-app/aot-check.sh   (uses the jar already built with -Paot)
#        MVNW="flock /tmp/paig-maven.lock ./mvnw -o" sample-app/aot-check.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

fail() {
	echo "aot-check: FAILED: $*" >&2
	exit 1
}

if [ "${AOT_CHECK_SKIP_BUILD:-}" != 1 ]; then
	# the checks of the sources ran in the main build; this one only needs the jar
	${MVNW:-./mvnw} -B -q -Paot -pl sample-app -am package -DskipTests -Dcheckstyle.skip -Dspring-javaformat.skip
fi
jar="$(ls sample-app/target/sample-app-*-SNAPSHOT.jar)"

listing="$(unzip -l "$jar")"
grep -q 'BOOT-INF/classes/io/paig/sample/SampleApplication__ApplicationContextInitializer.class' <<<"$listing" \
	|| fail "$jar is not an AOT build (no generated initializer): build it with -Paot"
unzip -p "$jar" 'META-INF/native-image/io.paig/sample-app/reachability-metadata.json' | python3 -c '
import json, sys
metadata = json.load(sys.stdin)
globs = {resource.get("glob") for resource in metadata["resources"]}
types = {entry["type"] for entry in metadata["reflection"] if isinstance(entry["type"], str)}
missing = [hint for hint in ("db/changelog/**", "META-INF/services/liquibase.change.Change") if hint not in globs]
missing += [hint for hint in ("io.paig.db.migration.sqlite.SqliteAddColumnChange",
        "io.paig.db.actuate.endpoint.MigrationsEndpointWriteExtension$Problem") if hint not in types]
sys.exit("missing: " + ", ".join(missing) if missing else 0)
' || fail "paig-db's hints are not all in the jar's reachability-metadata.json"

work="$(mktemp -d)"
app_pid=
cleanup() {
	if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT
export DATABASE_URL="sqlite:///$work/aot.db"
java_aot=(java -Dspring.aot.enabled=true -jar "$jar")

# db <args...>: runs the command; sets $out (the last line it printed: the migration log goes to standard
# output before it), $err (standard error) and $rc
db() {
	rc=0
	"${java_aot[@]}" db "$@" >"$work/out" 2>"$work/err" || rc=$?
	out="$(tail -n 1 "$work/out")"
	err="$(cat "$work/err")"
	echo "\$ java -Dspring.aot.enabled=true -jar $(basename "$jar") db $* -> exit $rc"
	[ -z "$out" ] || echo "  $out"
}

db current --check-heads
[ "$rc" = 1 ] && [ "$out" = base ] \
	|| fail "db current --check-heads on an empty database: expected 'base' and exit 1 (not at head); stderr: $err"

db upgrade head
[ "$rc" = 0 ] || fail "db upgrade head exited $rc; stderr: $err"
[[ "$out" =~ ^Upgraded\ base\ -\>\ ([0-9a-f]{12})\ \(([0-9]+)\ revision ]] \
	|| fail "db upgrade head printed: $out"
head="${BASH_REMATCH[1]}"

# The application itself, on a port of its own
"${java_aot[@]}" --server.port=0 >"$work/app.log" 2>&1 &
app_pid=$!
port=
for _ in $(seq 1 180); do
	port="$(sed -n 's/.*Tomcat started on port \([0-9][0-9]*\).*/\1/p' "$work/app.log" | head -n 1)"
	[ -n "$port" ] && break
	kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "the application did not start"; }
	sleep 1
done
[ -n "$port" ] || { cat "$work/app.log" >&2; fail "the application did not start within 180 s"; }
grep -q "Database is up to date at revision $head (head" "$work/app.log" \
	|| { cat "$work/app.log" >&2; fail "the application did not log that the database is up to date at $head"; }
migrations="$(curl -fsS "http://127.0.0.1:$port/actuator/migrations")" || fail "GET /actuator/migrations failed"
python3 - "$head" "$migrations" <<'EOF' || fail "/actuator/migrations: $migrations"
import json, sys
head, body = sys.argv[1], json.loads(sys.argv[2])
assert body["status"] == "UP_TO_DATE", body["status"]
assert body["current"]["id"] == head and body["head"]["id"] == head, (body["current"], body["head"])
assert body["pending"] == [] and len(body["applied"]) > 0
EOF
revision="$(curl -fsS "http://127.0.0.1:$port/actuator/migrations/$head")" \
	|| fail "GET /actuator/migrations/$head failed"
grep -q "\"id\":\"$head\"" <<<"$revision" || fail "/actuator/migrations/$head: $revision"
echo "\$ java -Dspring.aot.enabled=true -jar $(basename "$jar") --server.port=0: up on port $port," \
	"/actuator/migrations UP_TO_DATE at $head"
echo "aot-check: OK"
