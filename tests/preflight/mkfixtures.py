#!/usr/bin/env python3
"""mkfixtures.py — writes the PDFs `huace preflight` is tested on (tests/e2e/preflight.sh).

    python3 tests/preflight/mkfixtures.py [OUTDIR]     # default: tests/preflight

Each is a one-page A6 file written object by object (same bytes every run);
NAME.expect beside it lists the problems preflight must find, "code page".

  good.pdf       PDF/X-1a:2001, PDF 1.3: CMYK, a background into the 3 mm bleed,
                 K-only text and a deep red (M100 Y100 K60) line in a Type3 font, a 305 ppi CMYK image, crop marks in
                 /Separation /All, OutputIntent FOGRA39 (see PROFILE below), /Trapped, /ID.
  screen.pdf     a screen edition: no TrimBox, DeviceRGB fills, text and image.
  rgb-text.pdf   good.pdf with dark text in DeviceRGB and in four-colour CMYK, and a
                 Helvetica that is not embedded.
  no-bleed.pdf   good.pdf with TrimBox = BleedBox = MediaBox.
  low-ppi.pdf    good.pdf with a 20 × 20 px image over 40 mm (13 ppi).
  ink.pdf        good.pdf with a 320 % fill and a 400 % pixel in the image.
  x3-objstm.pdf  good.pdf claiming PDF/X-3:2002, rewritten by qpdf with object
                 streams (PDF 1.5): huace's --pdfx bug of issue 14 (needs qpdf).

PROFILE: the OutputIntent's /DestOutputProfile is a 128-byte stand-in with
/N 4 (preflight checks that a CMYK profile is embedded, not what is in it).
"""
import os
import subprocess
import sys
import zlib

MM = 72 / 25.4
TRIM_W, TRIM_H = 105 * MM, 148 * MM
BLEED, MARKS = 3 * MM, 9 * MM
X0 = Y0 = BLEED + MARKS                     # trim origin in the media box
MEDIA = (0, 0, TRIM_W + 2 * X0, TRIM_H + 2 * Y0)
TRIM = (X0, Y0, X0 + TRIM_W, Y0 + TRIM_H)
BLEEDBOX = (X0 - BLEED, Y0 - BLEED, X0 + TRIM_W + BLEED, Y0 + TRIM_H + BLEED)


def box(b):
    return "[%.3f %.3f %.3f %.3f]" % b


def stream(d, data):
    if isinstance(data, str):
        data = data.encode("latin-1")
    return ("<< %s /Length %d >>\nstream\n" % (d, len(data))).encode() + data + b"\nendstream"


def write_pdf(path, version, objs, info, root_extra="", with_id=True):
    """objs: bodies of objects 1..n (bytes or str); object 1 is the catalog
    (its body gets root_extra), the Info dictionary is added last."""
    objs = list(objs) + ["<< %s >>" % info]
    out = bytearray(b"%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n" % version.encode())
    offsets = []
    for i, body in enumerate(objs, 1):
        if isinstance(body, str):
            body = body.encode("latin-1")
        if i == 1:
            body = body.replace(b"/ROOTEXTRA", root_extra.encode())
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    fid = "<%s>" % (zlib.crc32(bytes(out)).to_bytes(4, "big").hex() * 4)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R" % (len(objs) + 1, len(objs))
    if with_id:
        out += (" /ID [%s %s]" % (fid, fid)).encode()
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    with open(path, "wb") as f:
        f.write(out)


def cmyk_image(w, h, hot=False):
    px = bytearray()
    for y in range(h):
        for x in range(w):
            c, m = x * 200 // max(w - 1, 1), y * 200 // max(h - 1, 1)
            px += bytes((c // 2, m // 2, 40, 60))
    if hot:
        px[0:4] = b"\xff\xff\xff\xff"
    return zlib.compress(bytes(px), 9)


def marks():
    """Crop marks outside the bleed, in the registration colour."""
    t = TRIM
    segs = []
    for x in (t[0], t[2]):
        segs += ["%.3f %.3f m %.3f %.3f l" % (x, 0, x, t[1] - BLEED), "%.3f %.3f m %.3f %.3f l" % (x, t[3] + BLEED, x, MEDIA[3])]
    for y in (t[1], t[3]):
        segs += ["%.3f %.3f m %.3f %.3f l" % (0, y, t[0] - BLEED, y), "%.3f %.3f m %.3f %.3f l" % (t[2] + BLEED, y, MEDIA[2], y)]
    return "q /CSall CS 1 SCN 0.25 w %s S Q\n" % " ".join(segs)


def page_pdf(path, *, version="1.3", pdfx="PDF/X-1a:2001", boxes=True, trim=TRIM, bleed=BLEEDBOX,
             media=MEDIA, content="", img=(60, 60, 5 * MM, False), rgb=False, helvetica=False,
             trapped="/False"):
    iw, ih, size, hot = img
    objs = [
        "<< /Type /Catalog /Pages 2 0 R /ROOTEXTRA >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        None,   # page, below
        None,   # content
        # 5: Type3 font, glyph 'a' a filled square in the text colour
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0]"
        " /CharProcs << /a 6 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >>"
        " /FirstChar 97 /LastChar 97 /Widths [1000] /Resources << >> >>",
        stream("", "1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f"),
        None,   # 7: image
        "<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>",
        stream("/N 4", b"PROFILE STAND-IN " + bytes(111)),
        "<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (FOGRA39)"
        " /RegistryName (http://www.color.org) /Info (Coated FOGRA39) /DestOutputProfile 9 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if rgb:
        data = zlib.compress(bytes(v for i in range(iw * ih) for v in (i % 256, 90, 140)), 9)
        objs[6] = stream("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB"
                         " /BitsPerComponent 8 /Filter /FlateDecode" % (iw, ih), data)
    else:
        objs[6] = stream("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceCMYK"
                         " /BitsPerComponent 8 /Filter /FlateDecode" % (iw, ih), cmyk_image(iw, ih, hot))
    fonts = "/F1 5 0 R" + (" /F2 11 0 R" if helvetica else "")
    pboxes = " /TrimBox %s /BleedBox %s" % (box(trim), box(bleed)) if boxes else ""
    objs[2] = ("<< /Type /Page /Parent 2 0 R /MediaBox %s%s /Contents 4 0 R /Resources << /Font << %s >>"
               " /XObject << /Im1 7 0 R >> /ColorSpace << /CSall [/Separation /All /DeviceCMYK 8 0 R] >> >> >>"
               % (box(media), pboxes, fonts))
    place = "q %.3f 0 0 %.3f %.3f %.3f cm /Im1 Do Q\n" % (size, size, TRIM[0] + 20 * MM, TRIM[1] + 60 * MM)
    objs[3] = stream("", content + place + (marks() if boxes else ""))
    info = "/Title (preflight fixture) /Producer (tests/preflight/mkfixtures.py)"
    if pdfx:
        info += " /GTS_PDFXVersion (%s) /GTS_PDFXConformance (%s)" % (pdfx, pdfx)
    if trapped:
        info += " /Trapped %s" % trapped
    write_pdf(path, version, objs, info, "/OutputIntents [10 0 R]" if pdfx else "")


def text(colour, s="aaa", font="/F1", y=30):
    return "BT %s %s 12 Tf %.3f %.3f Td (%s) Tj ET\n" % (colour, font, TRIM[0] + 15 * MM, TRIM[1] + y * MM, s)


BACKGROUND = "0 0.1 0.3 0 k %.3f %.3f %.3f %.3f re f\n" % (BLEEDBOX[0], BLEEDBOX[1], BLEEDBOX[2] - BLEEDBOX[0],
                                                            BLEEDBOX[3] - BLEEDBOX[1])
BAND = "0.2 0.9 0.9 0 k %.3f %.3f %.3f %.3f re f\n" % (TRIM[0] + 10 * MM, TRIM[1] + 100 * MM, 50 * MM, 8 * MM)
# K-only black and grey text, and a deep red title (a colour, not a rich black)
GOOD = BACKGROUND + BAND + text("0 0 0 1 k") + text("0 0 0 0.6 k", y=40) + text("0 1 1 0.6 k", y=80)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    p = lambda n: os.path.join(out, n)
    page_pdf(p("good.pdf"), content=GOOD)
    screen_bg = "0.95 0.92 0.85 rg %.3f %.3f %.3f %.3f re f\n" % (0, 0, TRIM_W, TRIM_H)
    page_pdf(p("screen.pdf"), version="1.4", pdfx=None, boxes=False, media=(0, 0, TRIM_W, TRIM_H), rgb=True,
             trapped=None, content=screen_bg + text("0.11 0.11 0.12 rg") + "0.64 0.09 0.1 rg 20 20 100 30 re f\n")
    page_pdf(p("rgb-text.pdf"), helvetica=True,
             content=GOOD + text("0.1 0.1 0.1 rg", y=50) + text("0.6 0.5 0.5 1 k", y=60) + text("0 0 0 1 k", "Hi", "/F2", 70))
    page_pdf(p("no-bleed.pdf"), trim=TRIM, bleed=TRIM, media=TRIM, content=GOOD.replace(box(BLEEDBOX), box(TRIM)))
    page_pdf(p("low-ppi.pdf"), content=GOOD, img=(20, 20, 40 * MM, False))
    page_pdf(p("ink.pdf"), content=GOOD + "0.8 0.7 0.7 1 k %.3f %.3f 30 30 re f\n" % (TRIM[0] + 50 * MM, TRIM[1] + 20 * MM),
             img=(60, 60, 5 * MM, True))
    page_pdf(p("x3-source.tmp"), pdfx="PDF/X-3:2002", content=GOOD)
    subprocess.run(["qpdf", "--object-streams=generate", "--deterministic-id", p("x3-source.tmp"), p("x3-objstm.pdf")],
                   check=True)
    os.remove(p("x3-source.tmp"))


if __name__ == "__main__":
    main()
