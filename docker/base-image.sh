#!/usr/bin/env bash
# A Java 17 base image made from Debian's mirror alone (no registry): localhost/debian-jre17:bookworm.
# Needs mmdebstrap and podman (Debian's packages) and root. Used by .ci/run; a machine that can reach a registry
# can use the Dockerfile's default base image instead.
set -euo pipefail
image=${1:-localhost/debian-jre17:bookworm}
if podman image exists "$image"; then
  echo "base image $image exists"; exit 0
fi
rootfs=$(mktemp -d)/rootfs.tar
trap 'rm -rf "$(dirname "$rootfs")"' EXIT
# openjdk's postinst needs the man1 folder that the path-exclude below would leave out.
mmdebstrap --quiet --variant=apt --include=openjdk-17-jre-headless,ca-certificates \
  --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-include=/usr/share/man/man1' \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
  bookworm "$rootfs" "deb http://deb.debian.org/debian bookworm main" \
  "deb http://deb.debian.org/debian-security bookworm-security main"
podman import --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' --change 'CMD ["/bin/bash"]' "$rootfs" "$image"
