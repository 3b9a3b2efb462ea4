#!/usr/bin/env bash
# Second opinion on the Samplan FHIR package from the official HL7 validator (ValidatorCli
# 6.5.18 from Maven Central). It proves that:
#   - the NPM package (tgz) loads in the HL7 validator as an IG (-ig), against hl7.fhir.r4.core#4.0.1,
#   - every example in package/example/ and every definition in package/ (profiles, terminology,
#     search parameters, operations, the ImplementationGuide) validates with 0 errors; left out, as they
#     cannot be checked offline here: the SubscriptionTopics (Basic-*.json; their cross-version extensions
#     need the R5 and R4B core packages) and the Measure (its criteria's language is a MIME type, whose
#     code system urn:ietf:bcp:13 needs a terminology server); the server's tests load and use both, and
#     validate the Measure with HAPI's offline support for MIME types,
#   - fully offline: the validator runs inside `unshare -n` (no network interface at all) when
#     possible, with no terminology server (-tx n/a) and its own FHIR home (target/fhir-home).
# Usage: profiles/hl7-validator/check.sh [package.tgz | folder of SUSHI output resources]
# Runs in the profiles module's verify phase; needs the package tgz and the local core package the
# build writes before it. The full validator output goes to target/validator.log.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PROFILES="$(dirname "$HERE")"
IG="$(realpath -m "${1:-$PROFILES/target/classes/packages/samplan.fhir.sip-0.1.0.tgz}")"
CORE="$PROFILES/target/fhir-home/.fhir/packages/hl7.fhir.r4.core#4.0.1"
HOME_DIR="$HERE/target/fhir-home"
PKGS="$HOME_DIR/.fhir/packages"
LOG="$HERE/target/validator.log"
start=$SECONDS

[ -e "$IG" ] || { echo "No package at $IG: run the project build first (mvn verify)." >&2; exit 2; }
if [ ! -d "$HERE/target/lib" ]; then
  "$PROFILES/../mvnw" -B -q -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory=target/lib
fi

# Own FHIR home: the core package built by the project (CorePackageSeeder), copied, plus empty
# stubs for the packages the validator loads unconditionally (fixed versions and "latest").
if [ ! -d "$PKGS/hl7.fhir.r4.core#4.0.1" ]; then
  [ -d "$CORE" ] || { echo "No core package at $CORE: run the project build first (mvn verify)." >&2; exit 2; }
  mkdir -p "$PKGS"
  cp -r "$CORE" "$PKGS/"
  printf '[cache]\nversion=3\n' > "$PKGS/packages.ini"
fi
for p in hl7.fhir.xver-extensions#0.1.0 hl7.terminology.r4#6.2.0 hl7.fhir.uv.extensions.r4#5.2.0 \
         hl7.terminology#6.2.0 hl7.fhir.uv.extensions#5.2.0; do
  if [ ! -f "$PKGS/$p/package/package.json" ]; then
    mkdir -p "$PKGS/$p/package"
    printf '{"name":"%s","version":"%s","type":"fhir.ig","fhirVersions":["4.0.1"],"dependencies":{}}\n' \
      "${p%#*}" "${p#*#}" > "$PKGS/$p/package/package.json"
  fi
done

# The resources: package/*.json and package/example/*.json of the tgz, or the instances in a SUSHI output folder.
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
if [ -d "$IG" ]; then
  find "$IG" -maxdepth 1 -name '*.json' ! -name 'StructureDefinition-*' ! -name 'CodeSystem-*' \
    ! -name 'ValueSet-*' ! -name 'SearchParameter-*' ! -name 'NamingSystem-*' \
    ! -name 'ImplementationGuide-*' ! -name 'package.json' -exec cp {} "$WORK/" \;
  touch "$WORK"/*.json
else
  # -m: the reproducible tgz stores mtime 0, and the validator silently skips files with mtime 0.
  tar -xzmf "$IG" -C "$WORK" --wildcards 'package/*.json'
  mv "$WORK"/package/example/*.json "$WORK/"
  find "$WORK/package" -maxdepth 1 -name '*-*.json' -exec mv {} "$WORK/" \;
fi
rm -f "$WORK"/Basic-*.json "$WORK"/Measure-*.json   # see above
examples=("$WORK"/*.json)
[ -e "${examples[0]}" ] || { echo "No examples found in $IG" >&2; exit 1; }

# -allow-example-urls true: example.org URLs are fine in examples (the IG Publisher validates
# examples with the same setting, setAllowExamples(true)).
cmd=(java -Duser.home="$HOME_DIR" -Djava.io.tmpdir="$WORK" -cp "$HERE/target/lib/*"
     org.hl7.fhir.validation.ValidatorCli "${examples[@]}" -version 4.0.1 -tx n/a -ig "$IG"
     -allow-example-urls true)
if unshare -n true 2>/dev/null; then
  offline="offline, no network (unshare -n)"; cmd=(unshare -n "${cmd[@]}")
else
  offline="WITHOUT network isolation (unshare -n not permitted)"
  echo "NOTE: unshare -n is not permitted here; running with the network available." >&2
fi
set +e
"${cmd[@]}" > "$LOG" 2>&1
rc=$?
set -e
# One "Success:/*FAILURE*: N errors, ..." line per validated file; guard against silently skipped files.
checked=$(grep -cE '^(Success|\*FAILURE\*): ' "$LOG" || true)
errors=$(awk '/^(Success|\*FAILURE\*): /{n += $2} END {print n + 0}' "$LOG")
summary="HL7 validator 6.5.18: ${#examples[@]} resources, $errors errors ($offline, $((SECONDS - start)) s)"
if [ "$rc" -ne 0 ] || [ "$checked" -ne "${#examples[@]}" ]; then
  grep -E '^(\*FAILURE\*|  Error @)' "$LOG" | head -60 >&2
  echo "FAILED (exit $rc, $checked of ${#examples[@]} files reported) - $summary; log: $LOG" >&2; exit 1
fi
echo "$summary"
