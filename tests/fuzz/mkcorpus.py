#!/usr/bin/env python3
"""mkcorpus.py — makes the seed corpora in tests/fuzz/corpus/<target>/ from the
example site (the repository root: site.yaml, seeds/, content/, themes/default,
and the site it builds).

Run from anywhere: python3 tests/fuzz/mkcorpus.py [HUACE]. HUACE (default
./huace, `make huace`) builds the example site once, for the album PDFs (the
image corpus is rendered from them by Ghostscript, `gs`) and the list of
published files (the URL corpus). The corpora are committed; run this again
only when the example site changes enough to matter. Every file written is
named after what it came from.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import struct
import tempfile
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus")
HUACE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "huace")


def rel(*p):
    return os.path.join(ROOT, *p)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def base(path):
    return os.path.splitext(os.path.basename(path))[0]


def front_matter(text):
    """The YAML between the fences, or None."""
    m = re.match(rb"---\r?\n(.*?\n)(?:---|\.\.\.)[ \t\r]*(?:\n|$)", text, re.S)
    return m.group(1) if m else None


def md_files():
    return sorted(glob.glob(rel("content", "cases", "*.md"))) + [rel("content", "about.md")]


def yamlv():
    put("yamlv", "site.yaml", read(rel("site.yaml")))
    put("yamlv", "standards.yaml", read(rel("seeds", "standards.yaml")))
    for p in sorted(glob.glob(rel("content", "projects", "*.yaml"))):
        put("yamlv", "project-" + base(p) + ".yaml", read(p))
    for p in sorted(glob.glob(rel("content", "geo", "*.yaml"))):
        put("yamlv", "geo-" + base(p) + ".yaml", read(p))
    for p in md_files():
        fm = front_matter(read(p))
        if fm:
            put("yamlv", "fm-" + base(p) + ".yaml", fm)


def frontmatter():
    for p in md_files():
        put("frontmatter", base(p) + ".md", read(p))
    one = read(rel("content", "cases", "duze-battle-map.md"))
    lines = one.split(b"\n")
    put("frontmatter", "crlf.md", one.replace(b"\n", b"\r\n"))
    put("frontmatter", "bom.md", b"\xef\xbb\xbf" + one)
    put("frontmatter", "dots-close.md", one.replace(b"\n---\n", b"\n...  \n", 1))
    put("frontmatter", "unterminated.md", b"\n".join(lines[:5]) + b"\n")
    put("frontmatter", "no-front-matter.md", b"\n".join(lines[8:]))
    put("frontmatter", "empty-front-matter.md", b"---\n---\n" + b"\n".join(lines[8:]))


def links_for(text, slugs, tslug):
    """A "see also" section linking what the case's front matter names, plus
    the link kinds the checks treat apart (external, anchor, root-relative,
    out of the site, missing, raw HTML)."""
    fm = front_matter(text).decode("utf-8")
    out = ["", "## 相关链接", ""]
    m = re.search(r"^projects: \[(.*)\]", fm, re.M)
    for pid in (m.group(1).split(", ") if m else []):
        out.append(f"- [项目 {pid}](../../projects/{pid}/)")
        out.append(f"- ![{pid} 路线图](../../projects/{pid}/route.png)")
    m = re.search(r'^township: "(.*)"', fm, re.M)
    if m and m.group(1) in tslug:
        out.append(f"- [{m.group(1)}](../../townships/{tslug[m.group(1)]}/)")
    m = re.search(r"^tags: \[(.*)\]", fm, re.M)
    for tag in (m.group(1).split(", ") if m else []):
        t = tag.strip('"')
        out.append(f"- [{t}](../../tags/{t}/index.html)")
    for s in slugs[:2]:
        out.append(f"- [案例](../{s}/)")
    out += [
        "- [关于](../../about/) · [地图](../../map/) · [日程](../../schedule/schedule.ics)",
        "- [说明](../../assets/README.md) · ![无说明](../../assets/none.png)",
        "- [外部](https://example.org/a?b=c#d) · [邮件](mailto:dj@qujiang.example) · [锚点](#相关链接)",
        "- [根目录](/projects/) · [越界](../../../../etc/passwd) · [不存在](../../nowhere/)",
        "- <a href=\"javascript:alert(1)\">x</a> <script>alert(1)</script>",
        "- [js](javascript:alert(1)) ![data](data:image/png;base64,AAAA)",
        "",
    ]
    return text.rstrip(b"\n") + b"\n" + "\n".join(out).encode("utf-8")


def markdown():
    site = read(rel("site.yaml")).decode("utf-8")
    tslug = dict(re.findall(r'\{name: "([^"]+)",\s*slug: (\w+)\}', site))
    slugs = [base(p) for p in sorted(glob.glob(rel("content", "cases", "*.md")))]
    for p in md_files():
        text = read(p)
        put("markdown", base(p) + ".md", text)
        if p.endswith("about.md"):
            continue
        put("markdown", base(p) + "-links.md", links_for(text, slugs, tslug))


def mustache():
    lay = rel("themes", "default", "layouts")
    parts = [read(os.path.join(lay, "baseof.mustache"))]
    parts += [read(os.path.join(lay, "partials", n + ".mustache"))
              for n in ("badge", "card-case", "card-project", "pager")]
    # the target names the parts after the first: partial, baseof, badge,
    # card-case, card-project, pager (see fuzz_mustache.c)
    for p in sorted(glob.glob(os.path.join(lay, "*.mustache"))):
        if base(p) == "baseof":
            continue
        put("mustache", base(p) + ".bin", b"\0".join([read(p), b""] + parts))
    for p in sorted(glob.glob(os.path.join(lay, "partials", "*.mustache"))):
        put("mustache", "partial-" + base(p) + ".bin", read(p))
    # a page that calls "partial", and the partial
    card = read(os.path.join(lay, "partials", "card-case.mustache"))
    put("mustache", "with-partial.bin",
        b"<ul>{{#cases}}\n  {{>partial}}\n{{/cases}}</ul>\n\0" + card)


def build_site(tmp):
    out = os.path.join(tmp, "public")
    subprocess.run([HUACE, "build", "-s", ROOT, "-o", out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def http(public):
    """URLs of the built site: the root, up to three folders (with and without
    the '/') and one file per extension under each top folder, and the
    shapes serve must refuse or redirect."""
    urls = ["/", "//", "/./", "/../", "/cases/..", "/cases/../../etc/passwd", "/a..b/c.d/...x",
            "/.well-known/x", "cases/", "/%2e%2e/", "/tags/乡村振兴/", "//projects", "/projects//QJ-B-01/",
            "/__huace/builds"]
    per_top = {}
    for dirpath, dirs, files in sorted(os.walk(public)):
        dirs.sort()
        r = os.path.relpath(dirpath, public)
        if r == ".":
            for f in sorted(files):
                urls.append("/" + f)
            continue
        top = r.split(os.sep)[0]
        seen = per_top.setdefault(top, {"dirs": 0, "ext": set()})
        if seen["dirs"] < 3:
            seen["dirs"] += 1
            urls += ["/" + r + "/", "/" + r]
        for f in sorted(files):
            ext = os.path.splitext(f)[1]
            if ext not in seen["ext"]:
                seen["ext"].add(ext)
                urls.append("/" + r + "/" + f)
    for i, u in enumerate(dict.fromkeys(urls)):
        put("http", "url-%03d" % i, u)


def png_chunks(data):
    at, out = 8, []
    while at + 12 <= len(data):
        n = struct.unpack(">I", data[at:at + 4])[0]
        out.append((data[at + 4:at + 8], data[at + 8:at + 8 + n]))
        at += 12 + n
    return out


def png_join(chunks):
    out = b"\x89PNG\r\n\x1a\n"
    for t, body in chunks:
        out += struct.pack(">I", len(body)) + t + body + struct.pack(">I", zlib.crc32(t + body) & 0xffffffff)
    return out


def strip_png(data):
    """Without the ICC profile and text Ghostscript adds (2 KB of the 2.5)."""
    return png_join([(t, b) for t, b in png_chunks(data) if t not in (b"iCCP", b"tEXt", b"zTXt", b"iTXt")])


def strip_jpeg(data):
    """Without APPn segments other than JFIF (APP0) and Adobe (APP14): the
    CMYK file carries a 180 KB ICC profile in APP2."""
    out, at = data[:2], 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        m = data[at + 1]
        n = struct.unpack(">H", data[at + 2:at + 4])[0]
        if m == 0xDA:
            return out + data[at:]
        if not (0xE1 <= m <= 0xED or m == 0xEF or m == 0xFE):
            out += data[at:at + 2 + n]
        at += 2 + n
    return out + data[at:]


def image(public, tmp):
    pdfs = sorted(glob.glob(os.path.join(public, "print", "QJ-*.pdf")))
    pdf = [p for p in pdfs if not p.endswith("-press.pdf")][0]
    devices = ["png16m", "pnggray", "png256", "png16", "pngmono", "pngalpha",
               "jpeg", "jpeggray", "jpegcmyk"]
    # page 2 holds the route map; a few dozen pixels keep every file small
    for size in ("24x34", "60x85"):
        for dev in devices:
            ext = "png" if dev.startswith("png") else "jpg"
            out = os.path.join(tmp, f"{base(pdf)}-{size}-{dev}.{ext}")
            subprocess.run(["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=" + dev,
                            "-dFirstPage=2", "-dLastPage=2", "-g" + size, "-dPDFFitPage",
                            "-dJPEGQ=50", "-o", out, pdf], check=True)
            data = read(out)
            data = strip_png(data) if ext == "png" else strip_jpeg(data)
            put("image", os.path.basename(out), data)
            if dev == "png256":
                # a palette with a transparent entry: decoded to pixels, not passed through
                chunks = png_chunks(data)
                i = next(k for k, (t, _) in enumerate(chunks) if t == b"IDAT")
                chunks.insert(i, (b"tRNS", b"\x00"))
                put("image", f"{base(pdf)}-{size}-png256-trns.png", png_join(chunks))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    yamlv()
    frontmatter()
    markdown()
    mustache()
    with tempfile.TemporaryDirectory() as tmp:
        public = build_site(tmp)
        http(public)
        image(public, tmp)
    for t in sorted(os.listdir(OUT)):
        files = os.listdir(os.path.join(OUT, t))
        size = sum(os.path.getsize(os.path.join(OUT, t, f)) for f in files)
        print(f"{t:12} {len(files):4} files {size:8} bytes")


if __name__ == "__main__":
    main()
