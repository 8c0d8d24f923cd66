#!/usr/bin/env python3
"""Extract one face of a TrueType Collection (.ttc) into a standalone .ttf.

PDFsharp 6 cannot read .ttc collections, and Debian ships every CJK font as one.
Usage: tools/ttc2ttf.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc OUT.ttf [face-index]
Standard library only: copies the face's table directory and tables, rewrites the
offsets with 4-byte alignment and recomputes head.checkSumAdjustment.
"""
import struct
import sys


def checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def extract(ttc: bytes, index: int) -> bytes:
    if ttc[:4] != b"ttcf":
        raise SystemExit("not a TrueType collection")
    num_fonts = struct.unpack(">I", ttc[8:12])[0]
    if not 0 <= index < num_fonts:
        raise SystemExit(f"face {index} out of range (collection has {num_fonts})")
    base = struct.unpack(">I", ttc[12 + 4 * index:16 + 4 * index])[0]
    sfnt_version, num_tables, search_range, entry_selector, range_shift = struct.unpack(">IHHHH", ttc[base:base + 12])
    records = []
    for i in range(num_tables):
        tag, _, offset, length = struct.unpack(">4sIII", ttc[base + 12 + 16 * i:base + 28 + 16 * i])
        records.append((tag, ttc[offset:offset + length]))
    records.sort(key=lambda r: r[0])  # table records must be sorted by tag

    header = struct.pack(">IHHHH", sfnt_version, num_tables, search_range, entry_selector, range_shift)
    offset = len(header) + 16 * num_tables
    directory, body = b"", b""
    head_pos = None
    for tag, data in records:
        if tag == b"head":
            data = data[:8] + b"\0\0\0\0" + data[12:]  # zero checkSumAdjustment before summing
            head_pos = offset + len(body)
        directory += struct.pack(">4sIII", tag, checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    font = bytearray(header + directory + body)
    if head_pos is not None:
        adjustment = (0xB1B0AFBA - checksum(bytes(font))) & 0xFFFFFFFF
        font[head_pos + 8:head_pos + 12] = struct.pack(">I", adjustment)
    return bytes(font)


def main() -> None:
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    with open(sys.argv[1], "rb") as f:
        ttc = f.read()
    font = extract(ttc, int(sys.argv[3]) if len(sys.argv) == 4 else 0)
    with open(sys.argv[2], "wb") as f:
        f.write(font)
    print(f"{sys.argv[2]}: {len(font)} bytes")


if __name__ == "__main__":
    main()
