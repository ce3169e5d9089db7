#!/usr/bin/python3
"""png_check.py FILE.png: exits 0 when the PNG decodes and is not blank.

Reads the PNG with zlib only (no PIL): checks the signature and CRCs,
inflates the IDAT stream, undoes the row filters, and counts pixels that
differ from the top-left pixel. "Not blank" means at least 1% of the pixels
differ and there are at least 8 distinct colours (text and a drawing, not a
flat page or an error box)."""
import struct
import sys
import zlib


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, head = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError("bad CRC in %r" % kind)
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, ctype, _, _, interlace = head
    if depth != 8 or ctype not in (2, 6) or interlace:
        raise ValueError("unsupported PNG layout %r" % (head,))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 0xFF
            elif ftype == 4:
                line[i] = (line[i] + paeth(a, b, c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main(path):
    width, height, bpp, rows = read_png(path)
    first = rows[0][:3]
    differ, colours = 0, set()
    for row in rows:
        for x in range(0, width * bpp, bpp):
            px = row[x:x + 3]
            if px != first:
                differ += 1
            if len(colours) < 64:
                colours.add(px)
    share = differ / float(width * height)
    print("%s: %dx%d, %.1f%% pixels differ from the background, %s colours"
          % (path, width, height, 100 * share, len(colours) if len(colours) < 64 else "64+"))
    if share < 0.01 or len(colours) < 8:
        print("FAIL: the screenshot is blank")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
