#!/usr/bin/env bash
# Builds a local base image for the Jib build on a machine that reaches no container registry:
# Debian bookworm (minbase) + openjdk-17-jre-headless + a non-root user 10001, packed as a
# `docker save`-style tarball that Jib reads as tar://…:
#
#   sudo image/build-base.sh            # writes image/target/base.tar (~150 MB, a few minutes)
#   mvn -B -ntp -pl bootstrap -am package -Pimage -DskipTests
#
# With image/target/base.tar present the image profile uses it (profile image-local-base);
# without it the base is eclipse-temurin:17-jre from the registry, as for everybody else.
# Needs root (debootstrap, chroot) and Debian's package mirror, read from this machine's apt
# sources. Re-running rebuilds from scratch.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/target"
ROOTFS="$OUT/rootfs"
SUITE=${SUITE:-bookworm}

if [ "$(id -u)" != 0 ]; then
  echo "build-base: needs root (debootstrap and chroot)" >&2
  exit 1
fi
command -v debootstrap >/dev/null || apt-get install -y -q debootstrap
MIRROR=${MIRROR:-$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1)}
if [ -z "$MIRROR" ]; then
  MIRROR=$(grep -h '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | head -1)
fi
[ -n "$MIRROR" ] || { echo "build-base: no Debian mirror in the apt sources; set MIRROR=" >&2; exit 1; }

rm -rf "$ROOTFS" "$OUT/base.tar" "$OUT/pack"
mkdir -p "$ROOTFS" "$OUT/pack"
echo "build-base: debootstrap $SUITE from $MIRROR"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates "$SUITE" "$ROOTFS" "$MIRROR" \
  > "$OUT/debootstrap.log" 2>&1 || { tail -20 "$OUT/debootstrap.log" >&2; exit 1; }
chroot "$ROOTFS" groupadd --system --gid 10001 adtarget
chroot "$ROOTFS" useradd --system --uid 10001 --gid 10001 --home-dir /home/adtarget --create-home \
  --shell /usr/sbin/nologin adtarget
# Slim what a server JVM never reads.
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* \
  "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/locale/*
JAVA_HOME_DIR=$(cd "$ROOTFS" && ls -d usr/lib/jvm/java-17-openjdk-* | head -1)

tar --numeric-owner --sort=name --mtime='2000-01-01' -C "$ROOTFS" -cf "$OUT/pack/layer.tar" .
DIFF_ID=$(sha256sum "$OUT/pack/layer.tar" | awk '{print $1}')
ARCH=$(dpkg --print-architecture)
cat > "$OUT/pack/config.json" <<JSON
{"architecture":"$ARCH","os":"linux",
 "config":{"Env":["PATH=/$JAVA_HOME_DIR/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/$JAVA_HOME_DIR","LANG=C.UTF-8"],
           "User":"10001:10001","WorkingDir":"/home/adtarget"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$DIFF_ID"]},
 "history":[{"created_by":"image/build-base.sh: debootstrap $SUITE minbase + openjdk-17-jre-headless"}]}
JSON
cat > "$OUT/pack/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["adtarget-base:17"],"Layers":["layer.tar"]}]
JSON
tar -C "$OUT/pack" -cf "$OUT/base.tar" manifest.json config.json layer.tar
rm -rf "$OUT/pack"
echo "build-base: wrote $OUT/base.tar ($(du -h "$OUT/base.tar" | cut -f1))"
