#!/usr/bin/env python3
"""Checks an iCalendar file line by line against RFC 5545 and prints TAP.
usage: icscheck.py FILE [EXPECTED-UNFOLDED-LINE ...]"""
import sys

raw = open(sys.argv[1], "rb").read()
n = 0
fails = 0
def check(cond, name):
    global n, fails
    n += 1
    print(("ok" if cond else "not ok"), n, "-", name)
    if not cond:
        fails += 1

check(raw.endswith(b"\r\n"), "ends with CRLF")
phys = raw.split(b"\r\n")[:-1]
check(b"\n" not in b"".join(phys) and b"\r" not in b"".join(phys), "every line ends in CRLF (no bare LF or CR)")
check(all(len(l) <= 75 for l in phys), "no line longer than 75 octets")
ok_utf8 = True
for l in phys:
    try:
        l.decode("utf-8")
    except UnicodeDecodeError:
        ok_utf8 = False
check(ok_utf8, "folding never splits a UTF-8 character")
# unfold
lines = []
for l in phys:
    if l.startswith(b" ") or l.startswith(b"\t"):
        lines[-1] += l[1:]
    else:
        lines.append(l)
lines = [l.decode("utf-8") for l in lines]
check(lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR", "BEGIN/END:VCALENDAR")
check("VERSION:2.0" in lines, "VERSION:2.0")
check(any(l.startswith("PRODID:") for l in lines), "PRODID")
events, cur = [], None
for l in lines:
    if l == "BEGIN:VEVENT":
        cur = []
    elif l == "END:VEVENT":
        events.append(cur)
        cur = None
    elif cur is not None:
        cur.append(l)
check(len(events) > 0, "has events")
def props(ev):
    d = {}
    for l in ev:
        name = l.split(":", 1)[0].split(";", 1)[0]
        d.setdefault(name, []).append(l)
    return d
req_ok, uids = True, []
for ev in events:
    p = props(ev)
    for r in ("UID", "DTSTAMP", "DTSTART"):
        if len(p.get(r, [])) != 1:
            req_ok = False
    uids += p.get("UID", [])
check(req_ok, "every VEVENT has exactly one UID, DTSTAMP and DTSTART")
check(len(uids) == len(set(uids)), "UIDs are unique")
esc_ok = True
for l in lines:
    name, _, value = l.partition(":")
    if name.split(";")[0] in ("SUMMARY", "LOCATION", "DESCRIPTION"):
        i = 0
        while i < len(value):
            c = value[i]
            if c == "\\":
                if i + 1 >= len(value) or value[i + 1] not in "\\;,nN":
                    esc_ok = False
                i += 2
                continue
            if c in ",;":
                esc_ok = False
            i += 1
check(esc_ok, "TEXT values escape backslash, comma and semicolon")
for want in sys.argv[2:]:
    check(want in lines, "has line " + want)
print("1..%d" % n)
sys.exit(1 if fails else 0)
