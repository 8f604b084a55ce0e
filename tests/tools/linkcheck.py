#!/usr/bin/env python3
"""Checks a built site folder: every internal href/src in every HTML file
resolves to a file in the folder (as a browser resolves relative URLs from
file://), and no page loads anything from another host.
Prints TAP-style 'not ok' lines for problems on stdout; exit 1 if any."""
import os, re, sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

root = os.path.abspath(sys.argv[1])
allowed_abs = sys.argv[2] if len(sys.argv) > 2 else ""
bad = []

class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if v is None:
                continue
            if (k in ("href", "src")) or (k == "content" and tag == "meta" and False):
                self.refs.append((tag, k, v, dict(attrs).get("rel")))

for dirpath, _, files in os.walk(root):
    for f in files:
        if not f.endswith(".html"):
            continue
        path = os.path.join(dirpath, f)
        rel = os.path.relpath(path, root)
        if rel == "404.html":
            continue  # served at any depth: links there are absolute by design
        p = P()
        with open(path, encoding="utf-8") as fh:
            p.feed(fh.read())
        for tag, attr, v, relattr in p.refs:
            u = urlsplit(v)
            if u.scheme in ("http", "https") or v.startswith("//"):
                if relattr == "canonical" and allowed_abs and v.startswith(allowed_abs):
                    continue
                # the footer's 备案 links (a link, not a load; required by law)
                if tag == "a" and u.hostname in ("beian.miit.gov.cn", "www.beian.gov.cn"):
                    continue
                # a node's navigation links (高德, 百度): links the visitor taps, nothing loaded
                if tag == "a" and u.scheme == "https" and u.hostname in ("uri.amap.com", "api.map.baidu.com"):
                    continue
                bad.append(f"{rel}: <{tag} {attr}> points to another host: {v}")
                continue
            if u.scheme in ("mailto", "tel", "data"):
                continue
            if not u.path:
                continue
            if v.startswith("/"):
                bad.append(f"{rel}: <{tag} {attr}> is root-absolute (breaks sub-paths and file://): {v}")
                continue
            target = os.path.normpath(os.path.join(dirpath, unquote(u.path)))
            if not target.startswith(root):
                bad.append(f"{rel}: {v} leaves the site folder")
            elif os.path.isdir(target):
                bad.append(f"{rel}: {v} is a folder (file:// shows a listing, not the page)")
            elif not os.path.isfile(target):
                bad.append(f"{rel}: broken link {v}")

for b in bad:
    print("# " + b)
sys.exit(1 if bad else 0)
