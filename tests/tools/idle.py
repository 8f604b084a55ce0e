#!/usr/bin/env python3
"""idle.py URL N [FROM] — N connections that never finish their headers,
then one normal request, for the e2e tests of serve.

Opens N connections to URL's host and port (from the address FROM if
given, e.g. 127.0.0.2), sends each an unfinished request line and header,
then, with all of them still open, sends GET URL from the default address
and times it. Prints, one per line:
  opened K        connections the server let stay open (of N) when the
                  request was sent
  status S        the normal request's status (0: no response)
  seconds T       how long it took, to the millisecond
  still K         of the K, those the server had not closed after the response
  closed T        seconds from opening until the server had closed them all
                  (at most 30: "closed none" if it had not by then)
Exit status 0 when the normal request got a response, 1 when not."""
import http.client
import resource
import select
import socket
import sys
import time
import urllib.parse


def alive(socks):
    """The sockets the server has not closed (or reset)."""
    out = []
    for s in socks:
        p = select.poll()
        p.register(s, select.POLLIN)
        if p.poll(0):
            try:
                if s.recv(1, socket.MSG_PEEK) == b"":
                    continue
            except OSError:
                continue
        out.append(s)
    return out


def main():
    url, n = sys.argv[1], int(sys.argv[2])
    src = sys.argv[3] if len(sys.argv) > 3 else None
    u = urllib.parse.urlsplit(url)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = n + 256
    if soft != resource.RLIM_INFINITY and soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard) if hard != resource.RLIM_INFINITY else want, hard))
    socks = []
    t_open = time.monotonic()
    for _ in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if src:
            s.bind((src, 0))
        try:
            s.connect((u.hostname, u.port))
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        except OSError:
            s.close()
            continue
        socks.append(s)
    time.sleep(0.5)   # let the server accept (or refuse) them all
    socks = alive(socks)
    print("opened", len(socks))
    t0 = time.monotonic()
    status = 0
    try:
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        c.request("GET", u.path or "/")
        r = c.getresponse()
        r.read()
        status = r.status
    except OSError as e:
        print("error", e)
    t = time.monotonic() - t0
    print("status", status)
    print("seconds %.3f" % t)
    print("still", len(alive(socks)))
    left = socks
    while left and time.monotonic() - t_open < 30:
        time.sleep(0.1)
        left = alive(left)
    print("closed", "none" if left else "%.1f" % (time.monotonic() - t_open))
    for s in socks:
        s.close()
    return 0 if status else 1


if __name__ == "__main__":
    sys.exit(main())
