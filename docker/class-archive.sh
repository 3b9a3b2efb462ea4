#!/usr/bin/env bash
# A class data sharing archive for Samplan in Spring Boot's extracted layout (java -Djarmode=tools -jar ... extract):
# a training run starts the server on a throw-away data folder and stops once its context is refreshed (package
# installed, every bean made), listing the classes it loaded; the JVM then stores them parsed and verified, so a
# server started with -XX:SharedArchiveFile=ARCHIVE loads them from it (start-up about a fifth faster). The image
# and the benchmark make theirs with this script.   Usage: class-archive.sh EXTRACTED_JAR ARCHIVE
set -euo pipefail
jar=$1
archive=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

java -XX:DumpLoadedClassList="$work/classes" -Dspring.context.exit=onRefresh -jar "$jar" --server.port=0 \
  --samplan.data-dir="$work/data" --samplan.access.issuer=training --samplan.access.audiences=training \
  --spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/training > "$work/training.log" 2>&1 \
  || { echo "class-archive: the training run failed" >&2; tail -40 "$work/training.log" >&2; exit 1; }
# Without the lambda proxies (lines starting with @): dumping them crashes OpenJDK 17.0.15 in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary; they are made at run time as without an archive.
grep -v '^@' "$work/classes" > "$work/classes.plain"
java -Xshare:dump -XX:SharedClassListFile="$work/classes.plain" -XX:SharedArchiveFile="$archive" -cp "$jar" \
  > "$work/dump.log" 2>&1 || { echo "class-archive: the dump failed" >&2; tail -40 "$work/dump.log" >&2; exit 1; }
echo "class-archive: $(wc -l < "$work/classes.plain") classes in $archive"
