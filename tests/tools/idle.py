#!/usr/bin/env python3
"""idle.py URL N [FROM] — N connections that never finish their headers,
then one normal request, for the e2e tests of serve.

Opens N connections to URL's host and port (from the address FROM if
given, e.g. 127.0.0.2) and sends each an unfinished request line and header.
While one normal GET URL is made from the default address and timed, a
thread keeps N of them open: each one the server closes or refuses is
opened again at once, as a client set on crowding the server out would.
Prints, one per line:
  opened K        connections the server let stay open (of N) when the
                  request was sent
  status S        the normal request's status (0: no response)
  seconds T       how long it took, to the millisecond
  still K         the first ones still open after the response
  closed T        seconds from opening until the server had closed the first
                  ones all (at most 30: "closed none" if it had not by then)
Exit status 0 when the normal request got a response, 1 when not."""
import http.client
import resource
import select
import socket
import sys
import threading
import time
import urllib.parse

HEAD = b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: "


def open_one(host, port, src):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        if src:
            s.bind((src, 0))
        s.connect((host, port))
        s.sendall(HEAD)
    except OSError:
        s.close()
        return None
    return s


def alive(socks):
    """The sockets the server has not closed (or reset); the others are closed here."""
    p = select.poll()
    for s in socks:
        p.register(s, select.POLLIN)
    gone = set()
    for fd, _ in p.poll(0):
        s = socket.socket(fileno=fd)   # only to peek; detached below
        try:
            if s.recv(1, socket.MSG_PEEK) == b"":
                gone.add(fd)
        except OSError:
            gone.add(fd)
        s.detach()
    out = []
    for s in socks:
        if s.fileno() in gone:
            s.close()
        else:
            out.append(s)
    return out


def main():
    url, n = sys.argv[1], int(sys.argv[2])
    src = sys.argv[3] if len(sys.argv) > 3 else None
    u = urllib.parse.urlsplit(url)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 2 * n + 256
    if soft != resource.RLIM_INFINITY and soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want if hard == resource.RLIM_INFINITY else min(want, hard), hard))
    t_open = time.monotonic()
    first = [s for s in (open_one(u.hostname, u.port, src) for _ in range(n)) if s]
    time.sleep(0.5)   # let the server accept (or refuse) them all
    first = alive(first)
    opened = len(first)
    extra = []
    stop = threading.Event()

    def refill():
        nonlocal extra
        while not stop.is_set():
            extra = alive(extra)
            for _ in range(n - len(first) - len(extra)):
                s = open_one(u.hostname, u.port, src)
                if s:
                    extra.append(s)
                if stop.is_set():
                    break
            time.sleep(0.01)

    th = threading.Thread(target=refill)
    th.start()
    time.sleep(0.2)
    print("opened", opened)
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
    stop.set()
    th.join()
    for s in extra:
        s.close()
    print("status", status)
    print("seconds %.3f" % t)
    first = alive(first)
    print("still", len(first))
    while first and time.monotonic() - t_open < 30:
        time.sleep(0.1)
        first = alive(first)
    print("closed", "none" if first else "%.1f" % (time.monotonic() - t_open))
    for s in first:
        s.close()
    return 0 if status else 1


if __name__ == "__main__":
    sys.exit(main())
