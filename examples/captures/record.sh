#!/usr/bin/env bash
# Records examples/captures/dns-search-domains.scap with sysray itself (root, podman).
#
# The story of the Kubernetes DNS troubleshooting capture, in small: a client in a
# labelled podman container (pod "client", namespace "critical-app") connects to
# backend.critical-app.svc.cluster.local:8080. Its resolv.conf has ndots:5 and four
# search domains, so the resolver first tries four longer names; the DNS server
# (slow-dns.py, on 127.0.0.1:53) answers the `localdomain` ones only after a
# second. Then the HTTP request goes to the backend on 127.0.0.1:8080.
#
# Usage: examples/captures/record.sh [path/to/sysray]   (run from the repository root)
set -euo pipefail
SYSRAY=${1:-target/release/sysray}
OUT=examples/captures/dns-search-domains.scap
T=$(mktemp -d /tmp/sysray-example.XXXXXX)
HERE=$(cd "$(dirname "$0")" && pwd)
export CONTAINERS_STORAGE_CONF=$T/storage.conf CONTAINERS_CONF=$T/containers.conf

cleanup() {
  [ -n "${API_PID:-}" ] && kill "$API_PID" 2>/dev/null || true
  podman rm -f -a -t 0 >/dev/null 2>&1 || true
  podman system reset -f >/dev/null 2>&1 || true
  [ -n "${DNS_PID:-}" ] && kill "$DNS_PID" 2>/dev/null || true
  [ -n "${HTTP_PID:-}" ] && kill "$HTTP_PID" 2>/dev/null || true
  [ -n "${CAP_PID:-}" ] && kill -INT "$CAP_PID" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT

cat > "$T/storage.conf" <<EOC
[storage]
driver = "overlay"
graphroot = "$T/storage"
runroot = "$T/run"
EOC
cat > "$T/containers.conf" <<EOC
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$T/events.log"
tmp_dir = "$T/libpod-tmp"
[network]
network_config_dir = "$T/networks"
EOC

# A busybox image, built locally (nothing is pulled).
R=$T/rootfs
mkdir -p "$R"/{bin,etc,proc,sys,dev,tmp,root}
cp /bin/busybox "$R/bin/busybox"
for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -s busybox "$R/bin/$a"; done
echo 'root:x:0:0:root:/root:/bin/sh' > "$R/etc/passwd"
echo 'root:x:0:' > "$R/etc/group"
tar -C "$R" -c . | podman import -q --change 'ENV PATH=/bin' - localhost/busybox:example >/dev/null
printf 'search critical-app.svc.cluster.local svc.cluster.local cluster.local localdomain\noptions ndots:5\nnameserver 127.0.0.1\n' > "$T/resolv.conf"

python3 "$HERE/slow-dns.py" 1.0 > "$T/dns.log" 2>&1 & DNS_PID=$!
mkdir -p "$T/www" && echo '{"service":"backend","status":"ok"}' > "$T/www/index.html"
(cd "$T/www" && exec python3 -m http.server 8080 --bind 127.0.0.1) > "$T/http.log" 2>&1 & HTTP_PID=$!
# The Docker-compatible API that sysray asks for the container's name, image and labels.
podman system service --time=0 "unix://$T/podman.sock" > "$T/service.log" 2>&1 & API_PID=$!
export DOCKER_HOST="unix://$T/podman.sock"
sleep 1

"$SYSRAY" -s8192 -zw "$OUT" "container.id!=host or proc.name=python3" & CAP_PID=$!
sleep 4   # probe load and /proc scan
podman run --rm --network host --name client \
  -v "$T/resolv.conf:/etc/resolv.conf:ro" \
  --label io.kubernetes.pod.name=client --label io.kubernetes.pod.namespace=critical-app \
  localhost/busybox:example \
  sh -c 'printf "GET / HTTP/1.0\r\nHost: backend\r\n\r\n" | nc backend.critical-app.svc.cluster.local 8080'
sleep 1
kill -INT "$CAP_PID"
wait "$CAP_PID" || true
CAP_PID=
"$SYSRAY" capinfo "$OUT"
