#!/usr/bin/env python3
"""textcolour.py FILE.pdf: walks every page's content stream, decompressed
by qpdf (qpdf --show-object N --filtered-stream-data), with its own small
tokenizer, and checks the fill colour of each text-showing operator
(Tj TJ ' "). Dark near-neutral text (K >= 50 % or total ink >= 200 %, C, M
and Y within 30 % of each other) must have C, M and Y at 2 % or less; RGB text and text in an unknown colour space count as
failures. Also counts the registration-colour strokes (/HcAll CS 1 SCN).
Prints "runs N dark D bad B reg R" and exits 1 when B > 0 or N == 0."""
import json, re, subprocess, sys

TOK = re.compile(rb"""\s*(?:(%[^\r\n]*)|(\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\))|(<<|>>|\[|\])|(<[0-9A-Fa-f\s]*>)|(/[^\s/\[\]()<>{}%]*)|([^\s/\[\]()<>{}%]+))""", re.S)

def tokens(data):
    pos = 0
    while pos < len(data):
        m = TOK.match(data, pos)
        if not m or m.end() == pos:
            pos += 1
            continue
        pos = m.end()
        if m.group(1): continue
        t = m.group(m.lastindex)
        if m.group(6):
            try: yield ("num", float(t))
            except ValueError: yield ("op", t.decode("latin-1"))
        elif m.group(5): yield ("name", t.decode("latin-1"))
        else: yield ("other", t)

def run(path):
    pages = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=pages", path], check=True,
                                      capture_output=True).stdout)["pages"]
    runs = dark = bad = reg = 0
    example = ""
    for pi, pg in enumerate(pages, 1):
        data = b""
        for c in pg["contents"]:
            num = c.split()[0]
            data += subprocess.run(["qpdf", "--show-object=" + num, "--filtered-stream-data", path],
                                   check=True, capture_output=True).stdout + b"\n"
        fill = ("gray", [0.0])
        stack, ops = [], []
        fill_cs = "DeviceGray"
        for kind, v in tokens(data):
            if kind != "op":
                ops.append((kind, v))
                continue
            nums = [x for k, x in ops if k == "num"]
            names = [x for k, x in ops if k == "name"]
            if v == "q": stack.append((fill, fill_cs))
            elif v == "Q" and stack: fill, fill_cs = stack.pop()
            elif v == "k" and len(nums) == 4: fill, fill_cs = ("cmyk", nums), "DeviceCMYK"
            elif v == "rg" and len(nums) == 3: fill, fill_cs = ("rgb", nums), "DeviceRGB"
            elif v == "g" and len(nums) == 1: fill, fill_cs = ("gray", nums), "DeviceGray"
            elif v == "cs" and names: fill_cs = names[0][1:]; fill = ("other", [])
            elif v in ("sc", "scn"): fill = ("cmyk", nums) if fill_cs == "DeviceCMYK" and len(nums) == 4 else ("other", nums)
            elif v == "SCN" and nums == [1.0]: reg += 1
            elif v in ("Tj", "TJ", "'", '"'):
                runs += 1
                kind_, c = fill
                if kind_ == "cmyk":
                    # dark and near neutral (C, M, Y within 30 % of each other, as huace preflight: a deep red is a colour)
                    if (c[3] >= 0.5 or sum(c) >= 2.0) and max(c[:3]) - min(c[:3]) <= 0.30:
                        dark += 1
                        if max(c[:3]) > 0.02:
                            bad += 1
                            example = example or "page %d: C%.0f M%.0f Y%.0f K%.0f" % (pi, *(x * 100 for x in c))
                elif kind_ == "gray":
                    dark += c[0] <= 0.5
                else:
                    bad += 1
                    example = example or "page %d: text in %s %s" % (pi, kind_, c)
            ops = []
    print("runs %d dark %d bad %d reg %d%s" % (runs, dark, bad, reg, (" e.g. " + example) if example else ""))
    return 1 if bad or not runs else 0

if __name__ == "__main__":
    sys.exit(run(sys.argv[1]))
