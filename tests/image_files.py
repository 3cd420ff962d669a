"""Bytes of good and hostile image files, built in memory (once per run) for the upload tests."""

import functools
import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

SCRIPT = b"<script>alert(document.domain)</script>"


@functools.cache
def image_bytes(fmt="PNG", size=(40, 30), frames=1, colour=(200, 30, 30)):
    """A small real image; `frames` > 1 gives an animated GIF or WebP."""
    images = [
        Image.new("RGB", size, (colour[0], (colour[1] + 40 * i) % 256, colour[2]))
        for i in range(frames)
    ]
    output = io.BytesIO()
    if frames > 1:
        images[0].save(output, format=fmt, save_all=True, append_images=images[1:], duration=100)
    else:
        images[0].save(output, format=fmt)
    return output.getvalue()


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width, height):
    """A PNG of a few dozen bytes that claims width×height pixels (a decompression bomb)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IEND", b"")


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)
