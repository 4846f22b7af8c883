#!/usr/bin/env bash
# Request validation cost: the hand-written conversion parser against vertx-openapi's
# RequestValidator on the same body (docs/architecture.md "Request validation"). One thread, no
# network; prints µs per request for three passes after compiling against the reactor's classes.
#   bench/validation/run.sh [rounds=100000]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
cd "$ROOT"
mvn -B -ntp -q -pl bootstrap -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
CP="$(cat "$OUT/cp.txt"):$ROOT/adapters-http/target/classes"
javac -d "$OUT/classes" -cp "$CP" bench/validation/ValidationCost.java
java -cp "$OUT/classes:$CP" io.adtarget.http.conversion.ValidationCost "${1:-100000}" 2>/dev/null | grep pass
