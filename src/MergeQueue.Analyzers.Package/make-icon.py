#!/usr/bin/env python3
"""Draws the package icon, icon.png (128 x 128): a state graph, three states in a cycle, the last one red (a violation).

Plain Python (zlib and struct), so it needs nothing installed: python3 make-icon.py
"""
import math
import struct
import zlib

SIZE = 128
BACKGROUND = (32, 54, 92)
EDGE = (200, 214, 235)
STATE = (120, 190, 255)
VIOLATION = (235, 80, 70)

pixels = [[BACKGROUND for _ in range(SIZE)] for _ in range(SIZE)]


def disc(cx, cy, radius, color):
    for y in range(SIZE):
        for x in range(SIZE):
            if (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2:
                pixels[y][x] = color


def line(x0, y0, x1, y1, width, color):
    length = math.hypot(x1 - x0, y1 - y0)
    for y in range(SIZE):
        for x in range(SIZE):
            # Distance from (x, y) to the segment.
            t = max(0.0, min(1.0, ((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / (length * length)))
            if math.hypot(x - (x0 + t * (x1 - x0)), y - (y0 + t * (y1 - y0))) <= width / 2:
                pixels[y][x] = color


states = [(64 + 40 * math.cos(a), 68 + 40 * math.sin(a)) for a in (-math.pi / 2, math.pi / 6, 5 * math.pi / 6)]
for (x0, y0), (x1, y1) in zip(states, states[1:] + states[:1]):
    line(x0, y0, x1, y1, 6, EDGE)
for i, (x, y) in enumerate(states):
    disc(x, y, 16, VIOLATION if i == 1 else STATE)

raw = b"".join(b"\x00" + bytes(channel for pixel in row for channel in pixel) for row in pixels)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


with open("icon.png", "wb") as png:
    png.write(b"\x89PNG\r\n\x1a\n")
    png.write(chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)))
    png.write(chunk(b"IDAT", zlib.compress(raw, 9)))
    png.write(chunk(b"IEND", b""))
