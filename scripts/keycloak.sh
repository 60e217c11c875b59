#!/usr/bin/env bash
# A real local Keycloak with the realm of keycloak-realm.json, for running the application in profile keycloak
# (SPRING_PROFILES_ACTIVE=keycloak ./mvnw spring-boot:run). See README.md, "Keycloak (real identity)".
#
#   scripts/keycloak.sh           start; the realm is imported on the first start only (Keycloak skips a realm
#                                 that already exists, so changes made in its admin console are kept)
#   scripts/keycloak.sh --fresh   forget everything (data/keycloak/.../data) and import keycloak-realm.json again
#
# The distribution is org.keycloak:keycloak-quarkus-dist from Maven Central (version in pom.xml), unpacked by
# Maven into data/keycloak/ (cached in ~/.m2). Needs only Java 17. Listens on 127.0.0.1 only.
#   KEYCLOAK_PORT                         default 8180 (the application's default KEYCLOAK_URL)
#   KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD  the master realm's administrator, default admin/admin (DEMO ONLY)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
port=${KEYCLOAK_PORT:-8180}
fresh=false
case "${1:-}" in
  --fresh) fresh=true ;;
  "") ;;
  *) echo "usage: $0 [--fresh]" >&2; exit 2 ;;
esac

./mvnw -q dependency:unpack@keycloak-local
home=$(ls -d "$root"/data/keycloak/keycloak-*/ | sort -V | tail -n 1)
home=${home%/}

realm=$(grep -o '"realm"[[:space:]]*:[[:space:]]*"[^"]*"' keycloak-realm.json | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')
if $fresh; then
  echo "Removing $home/data"
  rm -rf "$home/data"
fi
mkdir -p "$home/data/import"
# --import-realm wants the file named after the realm.
cp keycloak-realm.json "$home/data/import/$realm-realm.json"

export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}
# Otherwise kc.sh sizes its heap at 50-70 % of a container's memory.
export JAVA_OPTS_KC_HEAP=${JAVA_OPTS_KC_HEAP:-"-Xms64m -Xmx512m"}

echo "Keycloak $(basename "$home"): http://127.0.0.1:$port (admin console /admin, realm $realm)"
exec "$home/bin/kc.sh" start-dev --import-realm \
  --http-host=127.0.0.1 --http-port="$port" --hostname="http://127.0.0.1:$port"
