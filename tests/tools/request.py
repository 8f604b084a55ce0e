#!/usr/bin/env python3
"""request.py METHOD URL [BODY_FILE] — one HTTP request for the e2e tests.

Prints the status and the Content-Type and Location headers, one per line
("status 200", "type text/html; …", "location /x/"), and writes the body to
BODY_FILE. The URL's path is sent as given (no normalising of "..").
Exit status 0 when a response came, 1 when none did."""
import http.client
import sys
import urllib.parse


def main():
    method, url = sys.argv[1], sys.argv[2]
    u = urllib.parse.urlsplit(url)
    try:
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        c.putrequest(method, u.path or "/", skip_accept_encoding=True)
        c.endheaders()
        r = c.getresponse()
        body = r.read()
    except OSError as e:
        print("error", e)
        return 1
    print("status", r.status)
    print("type", r.getheader("Content-Type", ""))
    print("location", r.getheader("Location", ""))
    if len(sys.argv) > 3:
        with open(sys.argv[3], "wb") as f:
            f.write(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
