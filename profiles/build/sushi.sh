#!/usr/bin/env bash
# Compiles the FSH sources with SUSHI, offline: SUSHI reads hl7.fhir.r4.core from the project-local
# FHIR cache that CorePackageSeeder wrote, and its automatic dependencies are pinned (in
# sushi-config.yaml) to empty stub packages written here.
# Usage: sushi.sh VERSION FHIR_HOME OUT_DIR
set -euo pipefail
version=$1 fhir_home=$2 out=$3
here=$(cd "$(dirname "$0")/.." && pwd)

command -v node >/dev/null || { echo "ERROR: Node.js (18+) is required to compile the FSH profiles (apt-get install nodejs npm)." >&2; exit 1; }
command -v npm >/dev/null || { echo "ERROR: npm is required to install SUSHI (apt-get install npm)." >&2; exit 1; }

cd "$here"
# npm ci only when SUSHI is missing or the lock file changed since the last install.
if [ ! -x node_modules/.bin/sushi ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

for dep in hl7.fhir.uv.tools.r4 hl7.terminology.r4 hl7.fhir.uv.extensions.r4; do
  d="$fhir_home/.fhir/packages/$dep#0.0.0-offline/package"
  mkdir -p "$d"
  printf '{"name":"%s","version":"0.0.0-offline","fhirVersions":["4.0.1"],"dependencies":{}}\n' "$dep" > "$d/package.json"
done

# Compile a copy whose version is the Maven project version.
src="$out/src"
rm -rf "$out"
mkdir -p "$src"
cp -r fsh/. "$src/"
sed -i "s/^version: .*/version: $version/" "$src/sushi-config.yaml"

log="$out/sushi.log"
HOME="$fhir_home" node_modules/.bin/sushi build "$src" --out "$out" > "$log" 2>&1 || { cat "$log"; exit 1; }
errors=$(grep -oE '[0-9]+ Errors?' "$log" | tail -1 | cut -d' ' -f1)
warnings=$(grep -oE '[0-9]+ Warnings?' "$log" | tail -1 | cut -d' ' -f1)
echo "SUSHI: ${errors:-?} errors, ${warnings:-?} warnings (log: $log)"
if [ "${errors:-1}" != 0 ]; then
  cat "$log"; echo "ERROR: SUSHI reported errors" >&2; exit 1
fi
