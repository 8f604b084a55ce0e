#!/usr/bin/env python3
"""gen.py — writes the benchmark corpus.

    gen.py huace DIR N     a huace site folder in DIR (site.yaml, seeds/, themes/,
                           content/cases/c00001.md … and content/projects/*.yaml)
    gen.py hugo  DIR N     the same case studies and projects as a Hugo 0.111 site

N case studies of about 7 KB of Chinese Markdown each and max(1, N/10) projects with
5–20 nodes each. Deterministic: the same N gives byte-identical files (case k's text
depends only on k, apart from the link targets, which stay within 1..N). Python 3
standard library only.
"""
import json
import os
import random
import re
import shutil
import sys
import time

sys.dont_write_bytecode = True  # keep tests/bench/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import words as W  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

DOMAINS = [("belt", "B", "示范带"), ("zone", "Z", "示范区"), ("circle", "C", "示范圈"),
           ("post", "G", "示范岗"), ("point", "D", "示范点")]
LEVELS = ["city", "district", "township"]
STATUSES = ["red", "yellow", "blue"]
GRADES = ["优秀", "良好", "达标", "不合格"]
STANDARD_KEYS = ["brand", "taskforce", "route", "nodes", "sign", "station", "park", "album",
                 "guides", "film"]
def read_threshold():
    with open(os.path.join(REPO, "seeds", "standards.yaml"), encoding="utf-8") as f:
        m = re.search(r"^\s+threshold:\s*(\d+)", f.read(), re.M)
    return int(m.group(1)) if m else 40


THRESHOLD = read_threshold()
LINK_WORDS = ["相关案例", "同类做法", "兄弟村的经验", "另一个示范点", "类似的尝试", "前期报道"]


# ---------------------------------------------------------------- site facts

def read_site_yaml():
    with open(os.path.join(REPO, "site.yaml"), encoding="utf-8") as f:
        text = f.read()
    towns = re.findall(r'\{\s*name:\s*"([^"]+)"\s*,\s*slug:\s*([A-Za-z0-9_-]+)\s*\}', text)
    if not towns:
        sys.exit("gen.py: no townships found in site.yaml")
    m = re.search(r"^page_size:\s*(\d+)", text, re.M)
    page_size = int(m.group(1)) if m else 10
    m = re.search(r'^title:\s*"?([^"\n]+)"?', text, re.M)
    title = m.group(1) if m else "huace bench"
    m = re.search(r'^base_url:\s*"?([^"\n]+)"?', text, re.M)
    base_url = m.group(1).strip() if m else "https://example.org/"
    m = re.search(r'^description:\s*"?([^"\n]+)"?', text, re.M)
    desc = m.group(1) if m else ""
    m = re.search(r'^author:\s*"?([^"\n]+)"?', text, re.M)
    author = m.group(1) if m else ""
    return text, towns, page_size, title, base_url, desc, author


def bench_site_yaml(text):
    """The repo's site.yaml with maps and print switched off (existing maps:/print:
    blocks dropped first, so the keys are never duplicated), and without the
    example's banner:/logo: (the corpus has no assets/; photos are timed apart)."""
    out, skip = [], False
    for line in text.splitlines():
        top = line[:1] not in ("", " ", "\t", "#")
        if top:
            skip = bool(re.match(r"(maps|print|banner|logo)\s*:", line))
        if not skip:
            out.append(line)
    out += ["", "# benchmark: HTML pipeline only (maps and PDFs are timed separately)",
            "maps: {enabled: false}", "print: {enabled: false}", ""]
    return "\n".join(out)


# ---------------------------------------------------------------- text

def sentence_pool(size=6000):
    r = random.Random(20260101)
    ch = r.choice
    pool = []
    for _ in range(size):
        t = r.randrange(9)
        if t == 0:
            s = f"{ch(W.OPENERS)}，{ch(W.SUBJECTS)}{ch(W.ACTIONS)}，{ch(W.RESULTS)}。"
        elif t == 1:
            s = f"{ch(W.SUBJECTS)}{ch(W.ACTIONS)}。"
        elif t == 2:
            s = f"为了{ch(W.GOALS)}，{ch(W.SUBJECTS)}{ch(W.ACTIONS)}。"
        elif t == 3:
            s = f"{ch(W.OPENERS)}，{ch(W.SUBJECTS)}{ch(W.ACTIONS)}，又{ch(W.ACTIONS)}，{ch(W.RESULTS)}。"
        elif t == 4:
            s = f"{ch(W.SPEAKERS)}说：“{ch(W.QUOTES)}。”"
        elif t == 5:
            s = f"{ch(W.RESULTS)}，这得益于{ch(W.SUBJECTS)}{ch(W.ACTIONS)}。"
        elif t == 6:
            s = f"{ch(W.OPENERS)}，{ch(W.SUBJECTS)}{ch(W.ACTIONS)}，**{ch(W.RESULTS)}**。"
        elif t == 7:
            s = f"{ch(W.SUBJECTS)}坚持**{ch(W.GOALS)}**，{ch(W.ACTIONS)}。"
        else:
            s = f"对照“十个一”标准，{ch(W.SUBJECTS)}{ch(W.ACTIONS)}，{ch(W.RESULTS)}。"
        pool.append(s)
    return pool


POOL = sentence_pool()


def place_name(r):
    return r.choice(W.PLACE_CHARS) + r.choice(W.PLACE_CHARS) + r.choice(W.PLACE_SUFFIX)


def person(r):
    return r.choice(W.SURNAMES) + r.choice(W.GIVEN_CHARS) + (r.choice(W.GIVEN_CHARS) if r.random() < 0.7 else "")


def paragraph(r, n, k_lo=3, k_hi=7):
    sents = r.choices(POOL, k=r.randint(k_lo, k_hi))
    if n > 1 and r.random() < 0.35:
        t = r.randint(1, n)
        i = r.randrange(len(sents))
        link = f"（参见[{r.choice(LINK_WORDS)}](../c{t:05d}/)）"
        sents[i] = sents[i][:-1] + link + "。" if sents[i].endswith("。") else sents[i] + link
    return "".join(sents)


def case_body(r, n):
    target = r.randint(5900, 6900)  # bytes, roughly 3 per character
    out = [paragraph(r, n), ""]
    size = len(out[0]) * 3
    sec = 0
    while size < target:
        head = r.choice(W.HEADINGS)
        line = f"## {W.NUMERALS[sec]}、{head}" if sec < len(W.NUMERALS) else f"## {head}"
        out += [line, ""]
        sec += 1
        for _ in range(r.randint(1, 2)):
            p = paragraph(r, n)
            out += [p, ""]
            size += len(p) * 3
        x = r.random()
        if x < 0.4:
            for label in r.sample(W.LIST_LABELS, r.randint(3, 5)):
                item = f"- **{label}**：{r.choice(POOL)}"
                out.append(item)
                size += len(item) * 3
            out.append("")
        elif x < 0.6:
            for k in range(1, r.randint(3, 5) + 1):
                item = f"{k}. {r.choice(POOL)}"
                out.append(item)
                size += len(item) * 3
            out.append("")
        elif x < 0.75:
            out += [f"### {r.choice(W.LIST_LABELS)}", ""]
            p = paragraph(r, n, 2, 4)
            out += [p, ""]
            size += len(p) * 3
    return "\n".join(out)


# ---------------------------------------------------------------- model

def nprojects(n):
    return max(1, n // 10)


def project_of_case(k, n):
    return (k - 1) % nprojects(n) + 1


def supervision(r, matter, year):
    """Open items are due in 2027, after every content date, so none is overdue."""
    done = r.random() < 0.5
    y = year if done else 2027
    return {"matter": matter, "owner": r.choice(W.OWNERS),
            "deadline": f"{y}-{r.randint(3, 12):02d}-{r.randint(1, 28):02d}", "done": done}


_TOWN_RINGS = None


def town_rings():
    """Outer rings of the example's township polygons by name (content/geo/townships.geojson),
    so that generated nodes lie inside their township (huace check warns otherwise); {} without it."""
    global _TOWN_RINGS
    if _TOWN_RINGS is None:
        _TOWN_RINGS = {}
        path = os.path.join(REPO, "content", "geo", "townships.geojson")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for feat in json.load(f)["features"]:
                    g = feat["geometry"]
                    polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
                    _TOWN_RINGS[feat["properties"]["name"]] = [poly[0] for poly in polys]
    return _TOWN_RINGS


def inside(lon, lat, rings):
    """Even-odd rule over the outer rings."""
    hit = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def node_position(r, lon0, lat0, rings, spread):
    """A node near (lon0, lat0), inside rings when there are any (rounded as written)."""
    for _ in range(100):
        lon = round(min(119.2, max(118.6, lon0 + r.uniform(-spread[0], spread[0]))), 4)
        lat = round(min(29.1, max(28.7, lat0 + r.uniform(-spread[1], spread[1]))), 4)
        if not rings or inside(lon, lat, rings):
            return lon, lat
    return round(lon0, 4), round(lat0, 4)


def project(k, towns):
    """Project k (1-based) as a dict of plain values."""
    r = random.Random(1_000_000 + k)
    dom, prefix, dname = DOMAINS[(k - 1) % len(DOMAINS)]
    pid = f"{prefix}-{k:05d}"
    ts = [t[0] for t in r.sample(towns, r.choice((1, 1, 1, 2)))]
    theme = r.choice(W.THEMES)
    nn = r.randint(5, 20)
    rings = town_rings().get(ts[0], [])
    if rings:   # a seat inside the first township, the nodes within about a kilometre of it
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        lon0, lat0 = node_position(r, (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, rings,
                                   ((max(xs) - min(xs)) / 2, (max(ys) - min(ys)) / 2))
        spread = (0.01, 0.008)
    else:
        lon0, lat0 = r.uniform(118.65, 119.15), r.uniform(28.75, 29.05)
        spread = (0.05, 0.04)
    nodes = []
    for i in range(1, nn + 1):
        name = place_name(r) + r.choice(W.NODE_KINDS)
        kind = r.choice(W.NODE_KINDS)
        lon, lat = node_position(r, lon0, lat0, rings, spread)
        nodes.append({"id": f"n{i}", "name": name, "kind": kind, "lon": lon, "lat": lat,
                      "status": r.choice(STATUSES)})
    route = [nd["id"] for nd in nodes]
    year = r.choice((2025, 2026))
    ms = []
    for i, t in enumerate(sorted(r.sample(W.MILESTONES, r.randint(2, 5)), key=W.MILESTONES.index)):
        ms.append({"date": f"{year}-{2 + 2 * i:02d}-{r.randint(1, 28):02d}", "title": t, "done": r.random() < 0.6})
    passed = r.randint(max(0, THRESHOLD - 8), 40)
    p = {
        "id": pid,
        "name": f"{ts[0]}{theme}党建{dname}{k}号",
        "domain": dom,
        "level": r.choice(LEVELS),
        "townships": ts,
        "brand": f"{theme}·{r.choice(W.LIST_LABELS)}",
        "lead": {"name": person(r), "title": r.choice(W.LEAD_TITLES)},
        "status": r.choice(STATUSES),
        "grade": r.choice(GRADES) if r.random() < 0.7 else None,
        "assessed": f"{year}-11-{r.randint(1, 28):02d}",
        "funding": r.randint(20, 500),
        "milestones": ms,
        "nodes": nodes,
        "route": route,
        "standard": {key: r.random() < 0.7 for key in STANDARD_KEYS},
        "baseline": {"passed": passed, "total": 40},
        "applying": passed >= THRESHOLD and r.random() < 0.8,  # 不达标不得申报
        "supervision": [supervision(r, m, year) for m in r.sample(W.MATTERS, r.randint(0, 3))],
        "observation": {"number": k, "date": f"{year}-12-{r.randint(1, 28):02d}",
                        "place": f"{ts[0]}{place_name(r)}党群服务中心"},
        "tags": r.sample(W.TAGS, r.randint(2, 4)),
        "summary": "".join(r.choices(POOL, k=2)).replace("**", ""),
    }
    if p["grade"] is None:
        del p["grade"], p["assessed"]
    return p


def case(k, n, towns):
    r = random.Random(k)
    day = r.randrange(6 * 365)
    y, rest = 2021 + day // 365, day % 365
    mo, d = 1 + rest // 31 % 12, 1 + rest % 28
    return {
        "title": f"{place_name(r)}：{r.choice(W.TITLE_TAILS)}（{k}）",
        "date": f"{y}-{mo:02d}-{d:02d}",
        "township": r.choice(towns)[0],
        "tags": r.sample(W.TAGS, r.randint(2, 4)),
        "project": project_of_case(k, n),
        "body": case_body(r, n),
    }


# ---------------------------------------------------------------- YAML out

def q(s):
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def yv(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(yv(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {yv(x)}" for k, x in v.items()) + "}"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", str(v)):
        return str(v)
    return q(v)


def project_yaml(p, keymap=None):
    lines = []
    for key, v in p.items():
        name = keymap.get(key, key) if keymap else key
        if isinstance(v, list) and v and isinstance(v[0], dict):
            lines.append(f"{name}:")
            lines += [f"  - {yv(x)}" for x in v]
        elif isinstance(v, dict) and key == "standard":
            lines.append(f"{name}:")
            lines += [f"  {k}: {yv(x)}" for k, x in v.items()]
        else:
            lines.append(f"{name}: {yv(v)}")
    return "\n".join(lines) + "\n"


def pid_of(k):
    return f"{DOMAINS[(k - 1) % len(DOMAINS)][1]}-{k:05d}"


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------- huace site

def gen_huace(out, n):
    text, towns, *_ = read_site_yaml()
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "site.yaml"), bench_site_yaml(text))
    for sub in ("seeds", "themes"):
        shutil.copytree(os.path.join(REPO, sub), os.path.join(out, sub), dirs_exist_ok=True)
    if os.path.isdir(os.path.join(REPO, "content", "geo")):
        shutil.copytree(os.path.join(REPO, "content", "geo"), os.path.join(out, "content", "geo"), dirs_exist_ok=True)
    pdir, cdir = os.path.join(out, "content", "projects"), os.path.join(out, "content", "cases")
    os.makedirs(pdir, exist_ok=True)
    os.makedirs(cdir, exist_ok=True)
    for k in range(1, nprojects(n) + 1):
        p = project(k, towns)
        write(os.path.join(pdir, p["id"].lower() + ".yaml"), f"# benchmark project {k}\n" + project_yaml(p))
    for k in range(1, n + 1):
        c = case(k, n, towns)
        write(os.path.join(cdir, f"c{k:05d}.md"),
              f"---\ntitle: {q(c['title'])}\ndate: {c['date']}\ntownship: {q(c['township'])}\n"
              f"tags: {yv(c['tags'])}\nprojects: [{pid_of(c['project'])}]\n---\n{c['body']}\n")
    return n + nprojects(n)


# ---------------------------------------------------------------- Hugo site

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
</head>
<body>
<header><a href="{{ "" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "cases/" | relURL }}">案例</a> <a href="{{ "projects/" | relURL }}">示范项目</a> <a href="{{ "townships/" | relURL }}">乡镇</a> <a href="{{ "tags/" | relURL }}">标签</a></nav></header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer>{{ site.Params.author }}</footer>
</body>
</html>
""",
    "partials/card.html": """<li class="card"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time>{{ with .Params.township }} · {{ . }}{{ end }}</p>
<p>{{ .Summary | plainify }}</p></li>
""",
    "partials/pcard.html": """<li class="card"><h3><a href="{{ .RelPermalink }}">{{ .Params.id }} {{ .Title }}</a></h3>
<p class="meta">{{ .Params.domain }} · {{ .Params.status }}</p><p>{{ .Params.summary }}</p></li>
""",
    "partials/pager.html": """{{ if gt .TotalPages 1 }}<nav class="pager"><ul>
{{ with .Prev }}<li><a rel="prev" href="{{ .URL }}">上一页</a></li>{{ end }}
{{ with .Next }}<li><a rel="next" href="{{ .URL }}">下一页</a></li>{{ end }}
</ul><p>第 {{ .PageNumber }} 页，共 {{ .TotalPages }} 页</p></nav>{{ end }}
""",
    "_default/single.html": """{{ define "main" }}<article class="case">
<p class="crumbs"><a href="{{ "cases/" | relURL }}">案例</a></p>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time>{{ with .Params.township }} · <a href="{{ printf "townships/%s/" (urlize .) | relURL }}">{{ . }}</a>{{ end }} · 约 {{ .WordCount }} 字，{{ .ReadingTime }} 分钟读完</p>
<div class="prose">
{{ .Content }}
</div>
{{ with .GetTerms "projects" }}<section><h2>所属示范项目</h2><ul class="cards">{{ range . }}{{ partial "pcard.html" . }}{{ end }}</ul></section>{{ end }}
{{ with .GetTerms "tags" }}<p class="tags">标签：{{ range . }}<a class="chip" href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $p := .Paginate .Pages }}
<section><h2>案例（{{ len .Pages }}）</h2>
<ul class="cards">{{ range $p.Pages }}{{ partial "card.html" . }}{{ end }}</ul></section>
{{ partial "pager.html" $p }}{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul class="terms">{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
""",
    "projects/terms.html": """{{ define "main" }}<h1>示范项目</h1>
{{ $p := .Paginate .Pages.ByTitle }}
<section><h2>示范项目（{{ len .Pages }}）</h2>
<ul class="cards">{{ range $p.Pages }}{{ partial "pcard.html" . }}{{ end }}</ul></section>
{{ partial "pager.html" $p }}{{ end }}
""",
    "projects/term.html": """{{ define "main" }}<article class="project">
<p class="crumbs"><a href="{{ "projects/" | relURL }}">示范项目</a></p>
{{ $p := .Params }}
<h1><span class="id">{{ $p.id }}</span> {{ .Title }}</h1>
<p class="meta">{{ $p.status }}</p>
<p class="summary">{{ $p.summary }}</p>
<dl class="facts">
<dt>挂号</dt><dd>{{ $p.id }}</dd>
<dt>领域</dt><dd>{{ $p.domain }}</dd>
<dt>层级</dt><dd>{{ $p.level }}</dd>
<dt>乡镇（街道）</dt><dd>{{ range $p.p_townships }}<a href="{{ printf "townships/%s/" (urlize .) | relURL }}">{{ . }}</a> {{ end }}</dd>
<dt>主题品牌</dt><dd>{{ $p.brand }}</dd>
{{ with $p.lead }}<dt>挂帅领战</dt><dd>{{ .name }}（{{ .title }}）</dd>{{ end }}
{{ with $p.grade }}<dt>考评等次</dt><dd>{{ . }}（{{ $p.assessed }}评定）</dd>{{ end }}
<dt>投入资金</dt><dd>{{ $p.funding }} 万元</dd>
{{ with $p.baseline }}<dt>双40条基础</dt><dd>达标 {{ .passed }} / {{ .total }} 条</dd>{{ end }}
<dt>申报示范</dt><dd>{{ if $p.applying }}已申报{{ else }}未申报{{ end }}</dd>
{{ with $p.observation }}<dt>挂号比战</dt><dd>观摩会 第 {{ .number }} 号，{{ .date }}，{{ .place }}</dd>{{ end }}
</dl>
<section><h2>十个一</h2><ul class="checklist">{{ range $k, $v := $p.standard }}<li class="{{ if $v }}yes{{ else }}no{{ end }}">{{ $k }} {{ if $v }}已达成{{ else }}未达成{{ end }}</li>{{ end }}</ul></section>
<section><h2>时间节点</h2><ol class="timeline">{{ range $p.milestones }}<li>{{ .date }} {{ .title }} {{ if .done }}已完成{{ else }}未完成{{ end }}</li>{{ end }}</ol></section>
<section><h2>示范节点与景观线路</h2>
<p class="route">线路：{{ range $i, $r := $p.route }}<span>{{ add $i 1 }}. {{ $r }}</span> {{ end }}</p>
<table><thead><tr><th>序号</th><th>名称</th><th>类型</th><th>进展</th><th>经纬度</th></tr></thead><tbody>
{{ range $i, $n := $p.nodes }}<tr><td>{{ add $i 1 }}</td><td>{{ $n.name }}</td><td>{{ $n.kind }}</td><td>{{ $n.status }}</td><td>{{ $n.lon }}, {{ $n.lat }}</td></tr>
{{ end }}</tbody></table></section>
{{ with $p.supervision }}<section><h2>挂牌督战</h2><ul>{{ range . }}<li>{{ .matter }} · 责任：{{ .owner }} · 限期 {{ .deadline }} {{ if .done }}已办结{{ else }}办理中{{ end }}</li>{{ end }}</ul></section>{{ end }}
<section><h2>相关案例</h2><ul class="cards">{{ range .Pages }}{{ partial "card.html" . }}{{ end }}</ul></section>
</article>{{ end }}
""",
    "index.html": """{{ define "main" }}<section class="hero"><h1>{{ site.Title }}</h1>
<p>{{ site.Params.description }}</p>
{{ $cases := where site.RegularPages "Section" "cases" }}
<p class="figures"><strong>{{ len site.Taxonomies.projects }}</strong> 个示范单元 · <strong>{{ len site.Taxonomies.townships }}</strong> 个乡镇（街道） · <strong>{{ len $cases }}</strong> 篇案例</p></section>
<section><h2>最新案例</h2><ul class="cards">{{ range first 10 $cases }}{{ partial "card.html" . }}{{ end }}</ul>
<p><a href="{{ "cases/" | relURL }}">全部案例</a> · <a href="{{ "projects/" | relURL }}">全部示范项目</a></p></section>{{ end }}
""",
    "404.html": """{{ define "main" }}<h1>页面未找到</h1><p><a href="{{ "" | relURL }}">返回首页</a></p>{{ end }}
""",
}


def gen_hugo(out, n):
    _, towns, page_size, title, base_url, desc, author = read_site_yaml()
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "config.toml"), f"""# huace benchmark: the same corpus for Hugo 0.111, Goldmark as plain CommonMark
baseURL = {q(base_url)}
languageCode = "zh-CN"
title = {q(title)}
hasCJKLanguage = true
summaryLength = 120
paginate = {page_size}
enableRobotsTXT = true
disableKinds = []

[params]
description = {q(desc)}
author = {q(author)}

[taxonomies]
tag = "tags"
township = "townships"
project = "projects"

[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]

[services.rss]
limit = 20

[markup.goldmark.renderer]
unsafe = true

[markup.goldmark.parser]
autoHeadingID = false

[markup.goldmark.extensions]
typographer = false
linkify = false
table = false
strikethrough = false
taskList = false
definitionList = false
footnote = false
""")
    for rel, body in HUGO_LAYOUTS.items():
        path = os.path.join(out, "layouts", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write(path, body)
    static = os.path.join(REPO, "themes", "default", "static")
    if os.path.isdir(static):
        shutil.copytree(static, os.path.join(out, "static"), dirs_exist_ok=True)
    cdir = os.path.join(out, "content", "cases")
    os.makedirs(cdir, exist_ok=True)
    write(os.path.join(cdir, "_index.md"), "---\ntitle: 案例\n---\n")
    # Projects are the term pages of the `projects` taxonomy, each with a content file
    # carrying the project's fields: one page per project, listing its cases.
    keymap = {"townships": "p_townships", "tags": "p_tags"}
    pdir = os.path.join(out, "content", "projects")
    os.makedirs(pdir, exist_ok=True)
    write(os.path.join(pdir, "_index.md"), "---\ntitle: 示范项目\n---\n")
    for k in range(1, nprojects(n) + 1):
        p = project(k, towns)
        d = os.path.join(pdir, p["id"].lower())
        os.makedirs(d, exist_ok=True)
        write(os.path.join(d, "_index.md"), f"---\ntitle: {q(p['name'])}\n" + project_yaml(p, keymap) + "---\n")
    for k in range(1, n + 1):
        c = case(k, n, towns)
        write(os.path.join(cdir, f"c{k:05d}.md"),
              f"---\ntitle: {q(c['title'])}\ndate: {c['date']}\ntownship: {q(c['township'])}\n"
              f"townships: [{q(c['township'])}]\ntags: {yv(c['tags'])}\nprojects: [{pid_of(c['project'])}]\n"
              f"---\n{c['body']}\n")
    return n + nprojects(n)


def main(argv):
    if len(argv) != 4 or argv[1] not in ("huace", "hugo"):
        sys.exit("usage: gen.py huace|hugo DIR N")
    n = int(argv[3])
    if n < 1:
        sys.exit("gen.py: N must be at least 1")
    t0 = time.monotonic()
    files = (gen_huace if argv[1] == "huace" else gen_hugo)(argv[2], n)
    print(f"gen.py: {argv[1]} corpus: {n} cases, {nprojects(n)} projects, {files} files in "
          f"{time.monotonic() - t0:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
