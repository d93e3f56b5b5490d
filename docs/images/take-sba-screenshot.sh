#!/usr/bin/env bash
# Re-takes docs/images/sba-liquibase.png: Spring Boot Admin's Liquibase view of the sample app.
# Needs Java 17, Node 20 or newer and Chromium (Debian: apt-get install -y chromium).
# Run from the repository root: bash docs/images/take-sba-screenshot.sh
# Everything listens on 127.0.0.1 only; the ports can be changed with ADMIN_PORT, SAMPLE_PORT and CHROME_PORT.
set -euo pipefail

ADMIN_PORT=${ADMIN_PORT:-18190}
SAMPLE_PORT=${SAMPLE_PORT:-18191}
CHROME_PORT=${CHROME_PORT:-19222}
OUT=${OUT:-docs/images/sba-liquibase.png}
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The sample's test class path: it holds the Spring Boot Admin server (test scope) and
# io.paig.admin.AdminServerApplication.
./mvnw -B -q -pl sample-app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath" -Dmdep.includeScope=test -Dcheckstyle.skip
CP="sample-app/target/test-classes:sample-app/target/classes:$(cat "$WORK/classpath")"

java -cp "$CP" io.paig.admin.AdminServerApplication --server.port="$ADMIN_PORT" > "$WORK/admin.log" 2>&1 &
PIDS+=($!)
java -cp "$CP" io.paig.sample.SampleApplication --server.port="$SAMPLE_PORT" --server.address=127.0.0.1 \
  --database.url="sqlite:///$WORK/database.db" \
  --spring.boot.admin.client.url="http://127.0.0.1:$ADMIN_PORT" \
  --spring.boot.admin.client.instance.service-host-type=IP > "$WORK/sample.log" 2>&1 &
PIDS+=($!)

# wait until the admin server lists the sample as UP with its liquibase endpoint
ID=""
for _ in $(seq 1 120); do
  ID=$(curl -sf -H 'Accept: application/json' "http://127.0.0.1:$ADMIN_PORT/instances" 2>/dev/null | python3 -c '
import json, sys
for instance in json.load(sys.stdin):
    if instance["statusInfo"]["status"] == "UP" and any(e["id"] == "liquibase" for e in instance["endpoints"]):
        print(instance["id"])' 2>/dev/null || true)
  [ -n "$ID" ] && break
  sleep 1
done
if [ -z "$ID" ]; then
  echo "The sample did not come up in Spring Boot Admin; logs:" >&2
  tail -20 "$WORK/admin.log" "$WORK/sample.log" >&2
  exit 1
fi

chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$WORK/chromium" \
  --remote-debugging-address=127.0.0.1 --remote-debugging-port="$CHROME_PORT" about:blank > "$WORK/chromium.log" 2>&1 &
PIDS+=($!)
# the sixth change set is the first revision's last one, tagged with its id: open its details
node --experimental-websocket --no-warnings docs/images/sba-screenshot.mjs "$CHROME_PORT" \
  "http://127.0.0.1:$ADMIN_PORT/instances/$ID/liquibase" "$OUT" ".change-set" "tr.is-selectable:nth-of-type(6)"
