#!/usr/bin/env bash
# Downloads (through Maven, cached in ~/.m2) and builds the real servers the backend tests start:
# Neo4j Community 5.26 embedded with Bolt, and Apache Jena Fuseki 5.x. Idempotent: a second run with
# an unchanged pom.xml and launcher sources does nothing. Prints one summary line on success.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/target"
stamp="$target/.prepared"

# what the build depends on: if none of it changed and the outputs are there, we are done
fingerprint="$(cat "$here/pom.xml" "$here"/src/main/java/coalition/servers/*.java | sha256sum | cut -c1-16)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$fingerprint" \
      && -f "$target/launcher.jar" && -f "$target/fuseki/fuseki-server.jar" && -d "$target/neo4j-lib" ]]; then
    echo "test servers ready (cached): $target"
    exit 0
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# -B: no colours or progress bars; quiet output goes to a log that is shown only when Maven fails
if ! mvn -B -q -f "$here/pom.xml" -DskipTests package >"$log" 2>&1; then
    cat "$log" >&2
    echo "tests/servers/prepare.sh: Maven build failed" >&2
    exit 1
fi
echo "$fingerprint" >"$stamp"
echo "test servers ready: Neo4j $(ls "$target/neo4j-lib" | grep -o '^neo4j-kernel-[0-9.]*' | sed 's/neo4j-kernel-//;s/\.$//'), Fuseki $(grep -o '<fuseki.version>[^<]*' "$here/pom.xml" | cut -d'>' -f2) in $target"
