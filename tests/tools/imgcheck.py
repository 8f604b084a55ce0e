#!/usr/bin/env python3
"""imgcheck.py — reads published images and pages for tests/e2e/photos.sh,
without any imaging library: the sizes and the metadata blocks are parsed
from the files' own structure (JPEG markers, RIFF chunks).

  imgcheck.py size FILE            prints "W H" (JPEG SOFn or WebP VP8/VP8L/VP8X)
  imgcheck.py meta FILE...         prints each metadata block found (exit 1 if any)
  imgcheck.py srcset OUT           checks every srcset entry of every page in OUT:
                                   the file exists and is as wide as it says (exit 1 if not)
"""
import os, re, struct, sys, html

def jpeg_segments(b):
    if b[:2] != b'\xff\xd8':
        raise ValueError('not a JPEG')
    i = 2
    while i + 4 <= len(b):
        if b[i] != 0xFF:
            raise ValueError('bad marker at %d' % i)
        m = b[i + 1]
        if m == 0xD9 or m == 0xDA:
            yield m, b[i + 4:i + 4 + struct.unpack('>H', b[i + 2:i + 4])[0] - 2]
            return
        if 0xD0 <= m <= 0xD7 or m == 0x01:
            i += 2
            continue
        n = struct.unpack('>H', b[i + 2:i + 4])[0]
        yield m, b[i + 4:i + 2 + n]
        i += 2 + n

def riff_chunks(b):
    if b[:4] != b'RIFF' or b[8:12] != b'WEBP':
        raise ValueError('not a WebP')
    i = 12
    while i + 8 <= len(b):
        tag, n = b[i:i + 4], struct.unpack('<I', b[i + 4:i + 8])[0]
        yield tag, b[i + 8:i + 8 + n]
        i += 8 + n + (n & 1)

def size(path):
    b = open(path, 'rb').read()
    if b[:2] == b'\xff\xd8':
        for m, d in jpeg_segments(b):
            if m in (0xC0, 0xC1, 0xC2):
                h, w = struct.unpack('>HH', d[1:5])
                return w, h
    else:
        for tag, d in riff_chunks(b):
            if tag == b'VP8 ':
                w, h = struct.unpack('<HH', d[6:10])
                return w & 0x3FFF, h & 0x3FFF
            if tag == b'VP8L':
                v = struct.unpack('<I', d[1:5])[0]
                return (v & 0x3FFF) + 1, ((v >> 14) & 0x3FFF) + 1
            if tag == b'VP8X':
                w = int.from_bytes(d[4:7], 'little') + 1
                h = int.from_bytes(d[7:10], 'little') + 1
                return w, h
    raise ValueError('no size in ' + path)

def meta(path):
    b = open(path, 'rb').read()
    found = []
    if b[:2] == b'\xff\xd8':
        for m, d in jpeg_segments(b):
            if m == 0xE1:
                found.append('APP1 ' + ('Exif' if d.startswith(b'Exif') else 'XMP' if b'adobe' in d[:40] else 'data'))
            elif m == 0xE2:
                found.append('APP2 (ICC profile)')
            elif m == 0xED:
                found.append('APP13 (IPTC/Photoshop)')
            elif 0xE3 <= m <= 0xEF:
                found.append('APP%d' % (m - 0xE0))
            elif m == 0xFE:
                found.append('COM (comment)')
    else:
        for tag, d in riff_chunks(b):
            if tag in (b'EXIF', b'XMP ', b'ICCP'):
                found.append(tag.decode().strip() + ' chunk')
    for word in (b'GPS', b'HUAWEI', b'ALN-AL00', '王某某'.encode(), b'HarmonyOS', b'ns.adobe.com'):
        if word in b:
            found.append('the bytes %r' % word)
    return found

def srcset(out):
    bad, seen = [], 0
    for root, _, files in os.walk(out):
        for f in files:
            if not f.endswith('.html'):
                continue
            page = os.path.join(root, f)
            text = open(page, encoding='utf-8').read()
            for m in re.finditer(r'srcset="([^"]*)"', text):
                for entry in html.unescape(m.group(1)).split(','):
                    parts = entry.split()
                    if not parts or len(parts) > 2 or (len(parts) == 2 and not re.fullmatch(r'\d+w|\d+(\.\d+)?x', parts[1])):
                        bad.append('%s: srcset entry %r is not "URL", "URL Nw" or "URL Nx"' % (page, entry))
                        continue
                    target = os.path.normpath(os.path.join(root, parts[0]))
                    if not os.path.isfile(target):
                        bad.append('%s: %s does not exist' % (page, parts[0]))
                        continue
                    if len(parts) < 2 or not parts[1].endswith('w'):
                        continue
                    seen += 1
                    if size(target)[0] != int(parts[1][:-1]):
                        bad.append('%s: %s is %d px wide, not %s' % (page, parts[0], size(target)[0], parts[1]))
    print('%d srcset width entries checked' % seen)
    for x in bad:
        print(x)
    return 1 if bad or not seen else 0

if __name__ == '__main__':
    cmd = sys.argv[1]
    if cmd == 'size':
        print('%d %d' % size(sys.argv[2]))
    elif cmd == 'meta':
        rc = 0
        for p in sys.argv[2:]:
            for x in meta(p):
                print('%s: %s' % (p, x))
                rc = 1
        sys.exit(rc)
    elif cmd == 'srcset':
        sys.exit(srcset(sys.argv[2]))
