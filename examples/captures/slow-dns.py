#!/usr/bin/env python3
"""A tiny DNS responder on 127.0.0.1:53 for the example capture.

It plays a cluster DNS like the one of the Kubernetes troubleshooting story:
`backend.critical-app.svc.cluster.local` resolves to 127.0.0.1 (the backend runs on loopback), other names under
`cluster.local` are NXDOMAIN at once, and names under `localdomain` (an unroutable
search domain forwarded "upstream") are answered NXDOMAIN only after DELAY seconds.
"""
import socket
import struct
import sys
import time

DELAY = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
ANSWER = "backend.critical-app.svc.cluster.local"
ADDRESS = "127.0.0.1"


def qname(packet, off=12):
    labels = []
    while packet[off]:
        n = packet[off]
        labels.append(packet[off + 1:off + 1 + n].decode("ascii", "replace"))
        off += n + 1
    return ".".join(labels), off + 5


def reply(query):
    name, end = qname(query)
    (qid,) = struct.unpack("!H", query[:2])
    qtype = struct.unpack("!H", query[end - 4:end - 2])[0]
    question = query[12:end]
    if name.lower() == ANSWER and qtype == 1:
        header = struct.pack("!HHHHHH", qid, 0x8180, 1, 1, 0, 0)
        rr = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 30, 4) + socket.inet_aton(ADDRESS)
        return header + question + rr, name
    if name.lower() == ANSWER:
        return struct.pack("!HHHHHH", qid, 0x8180, 1, 0, 0, 0) + question, name
    if name.lower().endswith("localdomain"):
        time.sleep(DELAY)
    return struct.pack("!HHHHHH", qid, 0x8183, 1, 0, 0, 0) + question, name


def main():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 53))
    print("ready", flush=True)
    while True:
        data, peer = s.recvfrom(512)
        try:
            out, _ = reply(data)
        except (IndexError, struct.error):
            continue
        s.sendto(out, peer)


if __name__ == "__main__":
    main()
