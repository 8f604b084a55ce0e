#!/usr/bin/env python3
"""albumcheck.py — helpers for tests/e2e/album-photos.sh, without any imaging
library (PGM/PPM are parsed here; pdfimages, pdftoppm and qpdf do the rest).

  albumcheck.py fixture SITE PHOTOS   lays the fixture's photos over a copy of
        the example site: every project gets photos (one uses small.jpg only,
        one gets none), site.yaml a print.cover_photo, case studies figures
        with captions; photos: and print: the site had are replaced
  albumcheck.py ppi LIST              reads `pdfimages -list` output: exit 1 if
        an image other than the 800 x 500 one (small.jpg, which the build
        must warn about) is below 300 ppi, or the 800 x 500 one is nowhere
        below it, or there are fewer than 20 images
  albumcheck.py aspects LIST          counts images 3:4 (portrait) and 4:3
        (landscape): prints "PORTRAIT LANDSCAPE PAGE" (PAGE: the first 3:4
        one's). Only rot6.jpg is 3:4 or 4:3 in the fixture (its renditions
        keep the ratio within 1 %).
  albumcheck.py upright DIR           the PPMs in DIR (pdfimages of one page):
        every 3:4 image is red in its upper half and blue in its lower one
  albumcheck.py chapters PDF          prints the first page of every top-level
        outline entry (from qpdf --json), one a line
  albumcheck.py fill PDF DIR          renders PDF at 20 dpi into DIR and prints
        "PAGE LOW" per page: LOW is the lowest row with ink above the folio
        zone (the bottom 8 %), as a share of the page height
  albumcheck.py folios PDF            exit 1 unless the page count is a multiple
        of four and every folio (the number alone on the page's last text
        line) is the page's own number
  albumcheck.py empty PDF DIR         exit 1 if a page ends above half its
        height, except the cover, colophon and title page, the last page of
        every chapter (the page before each top-level outline entry, the last
        one before the notes pages), notes pages (记事) and the back cover;
        prints the pages it faults
"""
import glob, json, os, re, subprocess, sys


def fixture(site, photos):
    import shutil
    dst = os.path.join(site, 'assets', 'album-test')
    os.makedirs(dst, exist_ok=True)
    for f in sorted(os.listdir(photos)):
        shutil.copy(os.path.join(photos, f), dst)
    P = 'assets/album-test/'
    sets = [['rot6', 'wide', 'tall', 'land'], ['small'], ['land', 'tall'], ['wide'], ['tall'],
            ['land', 'wide', 'rot6'], ['rot6', 'land'], ['wide', 'land', 'tall'], ['tall', 'wide'],
            ['land']]
    files = sorted(glob.glob(os.path.join(site, 'content', 'projects', '*.yaml')))
    for i, f in enumerate(files):
        lines = open(f, encoding='utf-8').read().split('\n')
        out, skip = [], False
        for ln in lines:
            if re.match(r'photos\s*:', ln):
                skip = True
                continue
            if skip and (ln.startswith(' ') or ln.startswith('-')):
                continue
            skip = False
            out.append(ln)
        text = '\n'.join(out).rstrip('\n') + '\n'
        if i != len(files) - 1:   # the last project has no photos
            s = sets[0] if i == 0 else sets[1] if i == 1 else sets[2 + i % (len(sets) - 2)]
            text += 'photos:\n' + ''.join(
                '  - {src: %s%s.jpg, alt: "照片%s", caption: "示意图注%d-%d"}\n' % (P, n, n, i, k)
                for k, n in enumerate(s))
        open(f, 'w', encoding='utf-8').write(text)
    y = os.path.join(site, 'site.yaml')
    out, skip = [], False
    for ln in open(y, encoding='utf-8').read().split('\n'):
        if re.match(r'print\s*:', ln):
            skip = True
            continue
        if skip and ln.startswith(' '):
            continue
        skip = False
        out.append(ln)
    open(y, 'w', encoding='utf-8').write('\n'.join(out).rstrip('\n') + '\nprint:\n  cover_photo: {src: %swide.jpg, alt: "封面"}\n' % P)
    for i, f in enumerate(sorted(glob.glob(os.path.join(site, 'content', 'cases', '*.md')))):
        text = open(f, encoding='utf-8').read()
        m = re.match(r'(---\n.*?\n---\n)(.*)', text, re.S)
        head, body = m.group(1), m.group(2)
        # the example's own figures go: only the fixture's photos are in the album
        paras = [q for q in body.split('\n\n') if not q.lstrip().startswith('![')]
        if i % 3 != 2:   # a figure after the first paragraph
            paras.insert(1, '![活动现场](/%s%s.jpg "案例图注%d")' % (P, ['wide', 'tall'][i % 2], i))
        if i % 2 == 0:   # and one in the middle, written relative to the file
            paras.insert(len(paras) // 2 + 1, '![议事](../../%sland.jpg "案例图注%d-2")' % (P, i))
        open(f, 'w', encoding='utf-8').write(head + '\n\n'.join(paras))


def images(listing):
    rows = []
    for ln in open(listing):
        f = ln.split()
        if len(f) >= 14 and f[0].isdigit():
            rows.append((int(f[0]), int(f[3]), int(f[4]), int(f[12]), int(f[13])))
    return rows


def ppi(listing):
    rows, bad, small, low = images(listing), 0, 0, 0
    for page, w, h, xp, yp in rows:
        if (w, h) == (800, 500):   # small.jpg: below 300 ppi where it is large (the build warns)
            small += 1
            low += xp < 300
        elif xp < 300 or yp < 300:
            print('page %d: %d x %d image at %d x %d ppi' % (page, w, h, xp, yp))
            bad = 1
    if len(rows) < 20:
        print('only %d images' % len(rows))
        bad = 1
    if not low:
        print('the 800 x 500 photo is %s: no warning is due' % ('at 300 ppi or more everywhere' if small else 'not in the album'))
        bad = 1
    return bad


def near(a, b):
    return abs(a - b) / b < 0.01


def aspects(listing):
    por = lan = 0
    page = 0
    for p, w, h, _, _ in images(listing):
        if near(w / h, 3 / 4):
            por += 1
            page = page or p
        if near(w / h, 4 / 3):
            lan += 1
    print(por, lan, page)
    return 0


def read_pnm(path):
    data = open(path, 'rb').read()
    m = re.match(rb'(P[56])\s+(\d+)\s+(\d+)\s+(\d+)\s', data)
    return m.group(1), int(m.group(2)), int(m.group(3)), data[m.end():]


def upright(d):
    n = bad = 0
    for f in sorted(glob.glob(os.path.join(d, '*.ppm'))):
        kind, w, h, px = read_pnm(f)
        if not near(w / h, 3 / 4):
            continue
        n += 1
        def at(x, y):
            i = (y * w + x) * 3
            return tuple(px[i:i + 3])
        top, bottom = at(w // 2, h // 4), at(w // 2, 3 * h // 4)
        red = lambda c: c[0] > 180 and c[1] < 90 and c[2] < 90
        blue = lambda c: c[2] > 160 and c[0] < 90
        if not (red(top) and blue(bottom)):
            print('%s: %d x %d, upper half %s, lower half %s' % (f, w, h, top, bottom))
            bad = 1
    if not n:
        print('no 3:4 image on that page')
        bad = 1
    return bad


def chapters(pdf):
    j = json.loads(subprocess.run(['qpdf', '--json', '--json-key=outlines', pdf], capture_output=True, check=True).stdout)
    for o in j['outlines']:
        print(o['destpageposfrom1'])
    return 0


def fill(pdf, d):
    os.makedirs(d, exist_ok=True)
    subprocess.run(['pdftoppm', '-r', '20', '-gray', pdf, os.path.join(d, 'p')], check=True)
    res = []
    for f in sorted(glob.glob(os.path.join(d, 'p-*.pgm')), key=lambda s: int(re.search(r'(\d+)\.pgm$', s).group(1))):
        kind, w, h, px = read_pnm(f)
        low = 0
        for y in range(int(h * 0.92)):
            if min(px[y * w:(y + 1) * w]) < 200:
                low = y
        res.append((int(re.search(r'(\d+)\.pgm$', f).group(1)), low / h))
    return res


def empty(pdf, d):
    pages = fill(pdf, d)
    n = len(pages)
    starts = [int(x) for x in subprocess.run([sys.executable, __file__, 'chapters', pdf], capture_output=True,
                                             check=True, text=True).stdout.split()]
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], capture_output=True, check=True, text=True).stdout
    ptext = text.split('\f')
    notes = {i + 1 for i, t in enumerate(ptext[:n]) if re.sub(r'\s|\d', '', t) in ('记事', '记事记事')}
    exempt = {1, 2, 3, n} | notes | {s - 1 for s in starts}
    last = n - 1
    while last in notes:
        last -= 1
    exempt.add(last)   # the last chapter's last page
    bad = 0
    for page, low in pages:
        if page not in exempt and low < 0.5:
            print('page %d ends at %.0f %% of its height' % (page, low * 100))
            bad = 1
    if any(low >= 0.2 for page, low in pages if page in notes):   # the measure sees an empty page
        print('the measure does not find the notes pages empty: %s' % sorted(notes))
        bad = 1
    return bad


def folios(pdf):
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', '-layout', pdf, '-'], capture_output=True, check=True,
                          text=True).stdout
    pages = text.split('\f')
    if pages and not pages[-1].strip():
        pages.pop()
    bad = 0
    if len(pages) % 4:
        print('%d pages: not a multiple of four' % len(pages))
        bad = 1
    seen = 0
    for i, t in enumerate(pages):
        lines = [ln.strip() for ln in t.split('\n') if ln.strip()]
        if lines and lines[-1].isdigit() and int(lines[-1]) <= len(pages) + 1:
            seen += 1
            if int(lines[-1]) != i + 1:
                print('page %d says it is page %s' % (i + 1, lines[-1]))
                bad = 1
    if seen < len(pages) // 2:
        print('only %d of %d pages have a folio' % (seen, len(pages)))
        bad = 1
    return bad


if __name__ == '__main__':
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == 'fill':
        for page, low in fill(*args):
            print(page, '%.3f' % low)
        sys.exit(0)
    sys.exit({'fixture': fixture, 'ppi': ppi, 'aspects': aspects, 'upright': upright, 'chapters': chapters,
              'folios': folios, 'empty': empty}[cmd](*args) or 0)
