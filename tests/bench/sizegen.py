#!/usr/bin/env python3
"""sizegen.py — big inputs for the bounded-cost checks (issue 11, defect 6).

    sizegen.py KIND DIR N

writes into DIR (an existing copy of a site: tests/sites/base, or
tests/sites/pdf-basic for the album kinds) what KIND needs, N its size:

  routes     one project with N nodes and a route through all of them
  dupnodes   one project whose node list is one node line written N times
  mapkeys    one project with a map of N distinct keys (under an unknown
             key, so the loader reads and skips it: one unknown-key error)
  mapdup     the same map followed by a copy of its first key
  longcode   a case study with an N-line fenced code block
  longword   a case study with one N-byte word (no space, no break)

Deterministic: the same KIND and N give the same bytes. Standard library only.
"""
import os
import sys

PROJECT_HEAD = """id: T-BIG-01
name: 大项目
domain: belt
level: city
townships: [甲镇]
status: red
standard: {brand: true, taskforce: true, route: true, nodes: true, sign: true, station: true, park: true, album: true, guides: true, film: true}
"""


def node(i):
    return "  - {id: n%d, name: 点位%d, kind: 党群服务中心, lon: %.5f, lat: %.5f}\n" % (
        i, i, 118.6 + (i % 997) * 0.0006, 28.7 + (i % 991) * 0.0004)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def project(d, body):
    write(os.path.join(d, "content", "projects", "t-big-01.yaml"), PROJECT_HEAD + body)


def case(d, body):
    write(os.path.join(d, "content", "cases", "big-case.md"),
          "---\ntitle: 长内容案例\ndate: 2026-06-01\ntownship: 甲镇\n---\n\n开头一段。\n\n" + body + "\n\n结尾一段。\n")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    kind, d, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if kind == "routes":
        project(d, "nodes:\n" + "".join(node(i) for i in range(n)) +
                "route:\n" + "".join("  - n%d\n" % i for i in range(n)))
    elif kind == "dupnodes":
        project(d, "nodes:\n" + node(1) * n)
    elif kind in ("mapkeys", "mapdup"):
        keys = "".join("  k%06d: %d\n" % (i, i) for i in range(n))
        if kind == "mapdup":
            keys += "  k000000: again\n"
        project(d, "notes:\n" + keys)
    elif kind == "longcode":
        case(d, "```\n" + "".join("line %05d: x = compute(%d) + offset;  # 注释 %d\n" % (i, i, i) for i in range(n)) + "```")
    elif kind == "longword":
        word = "".join(chr(ord("a") + (i * 7) % 26) for i in range(n))
        case(d, "词：" + word + "。")
    else:
        sys.exit("sizegen.py: unknown kind '%s'\n%s" % (kind, __doc__))


main()
