#!/usr/bin/env bash
# The image as .ci/run tries it: built on a base made from Debian's mirror (no registry), started with podman on
# the host's loopback (never a private-range bridge), its health check UP, a FHIR read answered, nothing answered
# without a token, and the server not running as root. Needs root, podman, mmdebstrap, curl and the built jar.
set -euo pipefail
cd "$(dirname "$0")/.."
export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/docker/podman-sandbox.conf}
image=localhost/samplan:0.1.0
port=18091
name=samplan-image-test-$$

docker/base-image.sh localhost/debian-jre17:bookworm
podman build --quiet --format docker --network=none --pull=never --build-arg BASE_IMAGE=localhost/debian-jre17:bookworm \
  -f docker/Dockerfile -t "$image" . >/dev/null
echo "image-test: $image, $(podman image inspect "$image" --format '{{.Size}}' | numfmt --to=si)B"

data=$(mktemp -d)
trap 'podman --log-level=fatal rm -f "$name" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
podman --log-level=fatal run -d --name "$name" --network=host -e SERVER_PORT=$port -e SERVER_ADDRESS=127.0.0.1 \
  -v "$data":/var/lib/samplan:U "$image" --spring.profiles.active=demo >/dev/null
start=$SECONDS
# Without systemd podman runs no health-check timer; ask it to run the image's check.
until podman healthcheck run "$name" >/dev/null 2>&1; do
  if [ "$(podman inspect "$name" --format '{{.State.Running}}')" != true ] || (( SECONDS - start > 300 )); then
    echo "image-test: the container did not become healthy" >&2; podman logs "$name" 2>&1 | tail -40 >&2; exit 1
  fi
  sleep 3
done
echo "image-test: healthy $((SECONDS - start)) s after start"

# The JVM runs with the class data archive made at build time (mapped, not ignored as a mismatch).
podman exec "$name" grep -q /opt/samplan/samplan.jsa /proc/1/maps \
  || { echo "image-test: the server runs without its class data archive" >&2; exit 1; }
[ "$(podman exec "$name" id -u)" = 10001 ] || { echo "image-test: the server runs as root" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/fhir/Patient/sip1-patient")
[ "$status" = 401 ] || { echo "image-test: a read without a token answered $status" >&2; exit 1; }
token=$(curl -fsS -d user=PractitionerRole/sip1-role-distriktsskoterska "http://127.0.0.1:$port/auth/token" \
  | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4)
curl -fsS -H "Authorization: Bearer $token" -H 'Accept: application/fhir+json' \
  "http://127.0.0.1:$port/fhir/Patient/sip1-patient" | grep -q '"resourceType":"Patient"' \
  || { echo "image-test: the FHIR read failed" >&2; exit 1; }
echo "image-test: FHIR read answered; passed"
