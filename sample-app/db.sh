#!/usr/bin/env bash
# Alembic's commands on the sample app, from anywhere:
#   sample-app/db.sh upgrade head
#   sample-app/db.sh revision --autogenerate -m "add owner"
#   sample-app/db.sh downgrade -1
# It builds the sample (no tests) and runs it as 'java -jar ... db <command>' in sample-app/, so that the
# arguments arrive as written and the command's exit code (0, 1, 2) is this script's. DATABASE_URL picks
# the database, as for the app itself.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/mvnw" -q -B -f "$root/pom.xml" -pl sample-app -am package -DskipTests >&2
cd "$root/sample-app"
exec java -jar target/sample-app-*-SNAPSHOT.jar db "$@"
