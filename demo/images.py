"""Illustrations for the demo, drawn with Pillow: no photographs, no text baked in.

Each theme is a small drawing function on a canvas twice the output size; the
result is scaled down, which gives smooth edges without an anti-aliasing library.
A seed varies colours and positions so that two articles on one theme differ.
"""

import io
import math
import random

from PIL import Image, ImageDraw

COVER_SIZE = (1200, 675)
PHOTO_SIZE = (1200, 900)
SCALE = 2

RED = (200, 30, 35)
DEEP_RED = (150, 20, 25)
GOLD = (250, 205, 60)
BRONZE = (176, 122, 58)


def render(theme, seed, size=COVER_SIZE):
    """JPEG bytes of the illustration `theme` ('fields', 'city', ...) at `size`."""
    rng = random.Random(f"{theme}-{seed}")
    width, height = size[0] * SCALE, size[1] * SCALE
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    THEMES[theme](draw, width, height, rng)
    image = image.resize(size, Image.Resampling.LANCZOS)
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=84, optimize=True, progressive=True)
    return output.getvalue()


# --- Shared pieces --------------------------------------------------------------------


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def vary(colour, rng, amount=18):
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def gradient(draw, width, height, top, bottom, y0=0, y1=None):
    y1 = height if y1 is None else y1
    for y in range(y0, y1):
        draw.line([(0, y), (width, y)], fill=mix(top, bottom, (y - y0) / max(1, y1 - y0)))


def star(draw, cx, cy, radius, fill, rotation=-math.pi / 2):
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.382
        angle = rotation + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=fill)


def sun(draw, cx, cy, radius, colour):
    for step in range(6, 0, -1):
        glow = mix(colour, (255, 255, 255), 0.15 * step)
        r = radius * (1 + step * 0.18)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=mix(glow, colour, 0.5))
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=colour)


def cloud(draw, cx, cy, size, colour):
    for dx, dy, r in [(-1.1, 0.2, 0.6), (-0.4, -0.25, 0.8), (0.4, -0.1, 0.7), (1.1, 0.25, 0.55)]:
        x, y, radius = cx + dx * size, cy + dy * size, r * size
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
    draw.rectangle(
        [cx - 1.1 * size, cy + 0.1 * size, cx + 1.1 * size, cy + 0.8 * size], fill=colour
    )


def waving_flag(draw, x, y, width, height, colour, rng, with_star=True):
    """A flag on a pole at (x, y), its fly edge rippling like cloth in the wind."""
    draw.rectangle([x - width * 0.02, y, x + width * 0.01, y + height * 3.2], fill=(90, 90, 95))
    phase = rng.uniform(0, math.pi)
    top, bottom = [], []
    for i in range(41):
        t = i / 40
        wave = math.sin(t * math.pi * 2 + phase) * height * 0.08 * t
        top.append((x + t * width, y + wave))
        bottom.append((x + t * width, y + height + wave))
    draw.polygon(top + bottom[::-1], fill=colour)
    if with_star:
        cx = x + width * 0.5
        cy = y + height * 0.5 + math.sin(math.pi + phase) * height * 0.04
        star(draw, cx, cy, height * 0.3, GOLD)


# --- Themes -----------------------------------------------------------------------------


def draw_fields(draw, width, height, rng):
    """Rice fields in rows running to the horizon under a morning sky."""
    horizon = int(height * rng.uniform(0.38, 0.48))
    gradient(draw, width, height, (120, 180, 235), (250, 226, 180), 0, horizon)
    sun(draw, width * rng.uniform(0.6, 0.85), horizon * 0.45, height * 0.07, (255, 236, 150))
    for _ in range(3):
        cloud(
            draw,
            width * rng.uniform(0.1, 0.9),
            horizon * rng.uniform(0.2, 0.5),
            height * 0.05,
            (255, 255, 255),
        )
    greens = [(86, 160, 60), (120, 185, 70), (160, 200, 80), (205, 190, 80)]
    rng.shuffle(greens)
    bands = 9
    for i in range(bands):
        y0 = horizon + (height - horizon) * (i / bands) ** 1.6
        y1 = horizon + (height - horizon) * ((i + 1) / bands) ** 1.6
        draw.rectangle([0, y0, width, y1 + 1], fill=vary(greens[i % len(greens)], rng, 10))
    vanishing = width * rng.uniform(0.35, 0.65)
    for i in range(-14, 15):
        draw.line(
            [(vanishing, horizon), (vanishing + i * width * 0.12, height)],
            fill=(70, 130, 50),
            width=SCALE * 2,
        )
    # A row of trees and roofs along the horizon: the village edge.
    x = 0
    while x < width:
        r = height * rng.uniform(0.018, 0.035)
        draw.ellipse([x, horizon - 1.6 * r, x + 2.2 * r, horizon + 0.3 * r], fill=(55, 110, 60))
        x += r * rng.uniform(1.2, 2.6)
    waving_flag(draw, width * 0.12, horizon - height * 0.2, width * 0.09, height * 0.06, RED, rng)


def draw_city(draw, width, height, rng):
    """A city skyline at dusk with lit windows, a river and a bridge."""
    gradient(draw, width, height, (40, 60, 120), (245, 160, 110), 0, int(height * 0.7))
    gradient(draw, width, height, (60, 80, 120), (25, 35, 60), int(height * 0.7), height)
    x = -width * 0.02
    while x < width:
        w = width * rng.uniform(0.05, 0.1)
        h = height * rng.uniform(0.18, 0.5)
        base = height * 0.7
        body = vary((70, 80, 110), rng, 20)
        draw.rectangle([x, base - h, x + w, base], fill=body)
        for wy in range(int(base - h + 20), int(base - 10), 34):
            for wx in range(int(x + 12), int(x + w - 16), 26):
                if rng.random() < 0.55:
                    draw.rectangle([wx, wy, wx + 12, wy + 16], fill=(255, 220, 140))
        x += w + width * rng.uniform(0.005, 0.02)
    deck = height * 0.76
    draw.rectangle([0, deck, width, deck + height * 0.015], fill=(230, 230, 235))
    for i in range(7):
        cx = width * (i + 0.5) / 7
        draw.arc(
            [cx - width * 0.08, deck - height * 0.06, cx + width * 0.08, deck + height * 0.06],
            180,
            360,
            fill=(230, 230, 235),
            width=SCALE * 4,
        )
    for _ in range(12):
        y = height * rng.uniform(0.8, 0.98)
        x = width * rng.uniform(0, 0.9)
        draw.line([(x, y), (x + width * 0.08, y)], fill=(255, 200, 130), width=SCALE * 2)


def draw_factory(draw, width, height, rng):
    """Clean industrial halls with solar roofs, chimneys and trees."""
    gradient(draw, width, height, (150, 200, 240), (225, 240, 250), 0, int(height * 0.62))
    gradient(draw, width, height, (120, 175, 90), (80, 140, 70), int(height * 0.62), height)
    for _ in range(3):
        cloud(
            draw,
            width * rng.uniform(0.1, 0.9),
            height * rng.uniform(0.1, 0.3),
            height * 0.05,
            (255, 255, 255),
        )
    x = width * 0.05
    for _ in range(4):
        w = width * rng.uniform(0.16, 0.22)
        h = height * rng.uniform(0.14, 0.22)
        base = height * 0.64
        draw.rectangle([x, base - h, x + w, base], fill=vary((225, 228, 232), rng, 8))
        draw.polygon(
            [(x - 10, base - h), (x + w / 2, base - h - h * 0.35), (x + w + 10, base - h)],
            fill=(40, 80, 140),
        )
        for i in range(5):
            px = x + w * (0.08 + i * 0.18)
            draw.rectangle([px, base - h * 0.6, px + w * 0.1, base - h * 0.2], fill=(120, 160, 200))
        if rng.random() < 0.6:
            cx = x + w * 0.8
            draw.rectangle([cx, base - h * 2, cx + w * 0.07, base - h], fill=(200, 60, 50))
        x += w + width * rng.uniform(0.03, 0.06)
    for i in range(16):
        tx = width * (i / 15)
        r = height * 0.03
        draw.ellipse([tx - r, height * 0.66 - r, tx + r, height * 0.66 + r], fill=(50, 120, 60))
    draw.rectangle([0, height * 0.8, width, height * 0.86], fill=(90, 90, 95))
    for i in range(10):
        draw.rectangle(
            [width * i / 10, height * 0.828, width * i / 10 + width * 0.04, height * 0.832],
            fill=(240, 240, 240),
        )


def draw_digital(draw, width, height, rng):
    """A network of connected points over a dark blue field, with a phone screen."""
    gradient(draw, width, height, (10, 30, 70), (20, 90, 150))
    nodes = [(rng.uniform(0, width), rng.uniform(0, height)) for _ in range(60)]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            if math.dist(a, b) < width * 0.13:
                draw.line([a, b], fill=(80, 160, 220), width=SCALE)
    for x, y in nodes:
        r = rng.uniform(4, 10) * SCALE
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(150, 220, 255))
    px, py = width * rng.uniform(0.55, 0.7), height * 0.18
    pw, ph = width * 0.17, height * 0.66
    draw.rounded_rectangle([px, py, px + pw, py + ph], radius=40, fill=(20, 25, 35))
    draw.rounded_rectangle(
        [px + 14, py + 40, px + pw - 14, py + ph - 40], radius=16, fill=(240, 245, 250)
    )
    for i in range(6):
        y = py + 70 + i * ph * 0.12
        draw.rounded_rectangle(
            [px + 40, y, px + pw - 40, y + ph * 0.07],
            radius=10,
            fill=(RED if i == 0 else (200, 220, 240)),
        )
    star(draw, px + pw / 2, py + 70 + ph * 0.035, ph * 0.025, GOLD)


def draw_drum(draw, width, height, rng):
    """The face of a bronze drum (trống đồng): a star in rings of patterns."""
    gradient(draw, width, height, vary((120, 20, 25), rng, 10), (60, 8, 12))
    cx, cy = width * rng.uniform(0.45, 0.55), height * 0.5
    outer = height * 0.62
    rings = 11
    for i in range(rings, 0, -1):
        r = outer * i / rings
        shade = mix(BRONZE, (240, 200, 120), (i % 2) * 0.35)
        draw.ellipse(
            [cx - r, cy - r, cx + r, cy + r], fill=shade, outline=(110, 70, 30), width=SCALE * 2
        )
        if i in (4, 7, 9):
            for k in range(36):
                a = k * math.pi / 18
                rr = r - outer / rings / 2
                x, y = cx + rr * math.cos(a), cy + rr * math.sin(a)
                draw.ellipse([x - 6, y - 6, x + 6, y + 6], fill=(110, 70, 30))
    star(draw, cx, cy, outer / rings * 2.4, (255, 225, 120))
    for k in range(14):
        a = k * 2 * math.pi / 14
        x, y = cx + outer * 0.3 * math.cos(a), cy + outer * 0.3 * math.sin(a)
        draw.polygon(
            [
                (x, y),
                (x + 20 * math.cos(a + 2.6), y + 20 * math.sin(a + 2.6)),
                (x + 20 * math.cos(a - 2.6), y + 20 * math.sin(a - 2.6)),
            ],
            fill=(110, 70, 30),
        )


def draw_flags(draw, width, height, rng):
    """Red flags with a golden star waving over a bright sky."""
    gradient(draw, width, height, (90, 160, 230), (220, 236, 250))
    for _ in range(4):
        cloud(
            draw,
            width * rng.uniform(0, 1),
            height * rng.uniform(0.1, 0.6),
            height * 0.06,
            (255, 255, 255),
        )
    count = rng.randint(3, 5)
    for i in range(count):
        x = width * (0.08 + i * 0.85 / count) + rng.uniform(-30, 30)
        y = height * rng.uniform(0.12, 0.3)
        waving_flag(draw, x, y, width * 0.16, height * 0.2, vary(RED, rng, 10), rng)
    draw.rectangle([0, height * 0.9, width, height], fill=(60, 120, 70))


def draw_hall(draw, width, height, rng):
    """A conference hall seen from the back: red stage, star, screen, rows of delegates."""
    gradient(draw, width, height, (70, 50, 45), (35, 28, 26))
    stage_bottom = height * 0.52
    draw.rectangle([width * 0.08, height * 0.06, width * 0.92, stage_bottom], fill=DEEP_RED)
    draw.rectangle(
        [width * 0.1, height * 0.08, width * 0.9, stage_bottom - height * 0.02], fill=RED
    )
    star(draw, width * 0.5, height * 0.2, height * 0.08, GOLD)
    for side in (0.2, 0.8):
        sx = width * side
        draw.rectangle(
            [sx - width * 0.09, height * 0.14, sx + width * 0.09, height * 0.34],
            fill=(230, 236, 245),
            outline=(30, 30, 30),
            width=SCALE * 3,
        )
        for i in range(3):
            y = height * (0.18 + i * 0.045)
            draw.rectangle(
                [sx - width * 0.07, y, sx + width * 0.05, y + height * 0.02], fill=(140, 160, 190)
            )
    draw.rectangle([width * 0.3, height * 0.36, width * 0.7, height * 0.42], fill=(240, 240, 235))
    for i in range(5):
        x = width * (0.34 + i * 0.08)
        draw.ellipse([x - 18, height * 0.34 - 18, x + 18, height * 0.34 + 18], fill=(40, 35, 30))
    draw.rectangle([0, stage_bottom, width, height], fill=(95, 60, 45))
    rows = 6
    for row in range(rows):
        y = stage_bottom + (height - stage_bottom) * (row + 0.6) / rows
        r = height * (0.022 + row * 0.006)
        draw.rectangle([0, y + r * 0.8, width, y + r * 1.6], fill=(140, 40, 40))
        x = rng.uniform(0, r * 2)
        while x < width:
            hair = (30, 28, 26) if rng.random() < 0.85 else (110, 110, 110)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=hair)
            draw.rectangle(
                [x - r * 1.3, y + r * 0.7, x + r * 1.3, y + r * 2.2],
                fill=vary((235, 235, 240), rng, 12),
            )
            x += r * rng.uniform(2.6, 3.2)


def draw_screens(draw, width, height, rng):
    """A wall of video tiles: the connected sites of an online conference."""
    gradient(draw, width, height, (25, 35, 55), (15, 20, 30))
    cols, rows = 4, 3
    margin = width * 0.03
    tile_w = (width - margin * (cols + 1)) / cols
    tile_h = (height * 0.8 - margin * (rows + 1)) / rows
    for row in range(rows):
        for col in range(cols):
            x = margin + col * (tile_w + margin)
            y = margin + row * (tile_h + margin)
            back = vary((150, 40, 40), rng, 25) if rng.random() < 0.5 else vary((60, 70, 90), rng)
            draw.rectangle(
                [x, y, x + tile_w, y + tile_h], fill=back, outline=(200, 200, 210), width=SCALE * 2
            )
            for i in range(3):
                r = tile_h * 0.09
                hx = x + tile_w * (0.25 + i * 0.25)
                hy = y + tile_h * 0.55
                draw.ellipse([hx - r, hy - r, hx + r, hy + r], fill=(45, 35, 30))
                draw.rectangle(
                    [hx - r * 1.4, hy + r, hx + r * 1.4, y + tile_h - 4], fill=(235, 235, 240)
                )
            draw.rectangle(
                [x + 8, y + tile_h - 28, x + tile_w * 0.45, y + tile_h - 8], fill=(20, 20, 25)
            )
    draw.rectangle([0, height * 0.84, width, height], fill=(60, 45, 40))
    draw.rectangle([width * 0.25, height * 0.87, width * 0.75, height * 0.93], fill=(230, 230, 225))


def draw_coast(draw, width, height, rng):
    """The coast of the southern districts: sea, boats, dyke and mangroves."""
    horizon = height * 0.45
    gradient(draw, width, height, (110, 175, 230), (235, 225, 200), 0, int(horizon))
    sun(draw, width * rng.uniform(0.2, 0.8), horizon * 0.5, height * 0.06, (255, 230, 140))
    gradient(draw, width, height, (40, 110, 160), (70, 150, 180), int(horizon), int(height * 0.8))
    for _ in range(30):
        y = horizon + (height * 0.8 - horizon) * rng.random()
        x = width * rng.random()
        draw.line([(x, y), (x + width * 0.05, y)], fill=(150, 200, 225), width=SCALE * 2)
    for _ in range(rng.randint(3, 5)):
        bx, by = width * rng.uniform(0.05, 0.85), horizon + height * rng.uniform(0.05, 0.25)
        bw = width * rng.uniform(0.06, 0.1)
        draw.polygon(
            [
                (bx, by),
                (bx + bw, by),
                (bx + bw * 0.85, by + bw * 0.22),
                (bx + bw * 0.15, by + bw * 0.22),
            ],
            fill=(150, 60, 40),
        )
        draw.polygon(
            [(bx + bw * 0.5, by - bw * 0.8), (bx + bw * 0.5, by - 4), (bx + bw * 0.05, by - 4)],
            fill=(200, 120, 60),
        )
        draw.rectangle([bx + bw * 0.8, by - bw * 0.25, bx + bw * 0.86, by], fill=RED)
    draw.rectangle([0, height * 0.8, width, height * 0.86], fill=(170, 170, 160))
    draw.rectangle([0, height * 0.86, width, height], fill=(70, 130, 60))
    for i in range(24):
        x = width * i / 23
        r = height * 0.035
        draw.ellipse([x - r, height * 0.9 - r, x + r, height * 0.9 + r], fill=(40, 100, 50))


def draw_books(draw, width, height, rng):
    """Open books and a lamp on a desk: study and learning."""
    gradient(draw, width, height, (250, 240, 220), (230, 210, 180), 0, int(height * 0.6))
    draw.rectangle([0, height * 0.6, width, height], fill=(150, 95, 55))
    for i in range(12):
        y = height * 0.6 + i * height * 0.035
        draw.line([(0, y), (width, y)], fill=(135, 85, 50), width=SCALE)
    for i in range(rng.randint(2, 3)):
        cx = width * (0.3 + i * 0.32) + rng.uniform(-40, 40)
        cy = height * rng.uniform(0.7, 0.78)
        w, h = width * 0.14, height * 0.16
        cover = vary(DEEP_RED if i % 2 == 0 else (30, 80, 140), rng, 10)
        draw.polygon(
            [
                (cx - w - 12, cy + 10),
                (cx, cy + h * 0.25),
                (cx + w + 12, cy + 10),
                (cx + w + 12, cy - h),
                (cx, cy - h * 0.75),
                (cx - w - 12, cy - h),
            ],
            fill=cover,
        )
        draw.polygon(
            [(cx - w, cy), (cx, cy + h * 0.15), (cx, cy - h * 0.85), (cx - w, cy - h)],
            fill=(250, 248, 240),
        )
        draw.polygon(
            [(cx + w, cy), (cx, cy + h * 0.15), (cx, cy - h * 0.85), (cx + w, cy - h)],
            fill=(242, 238, 228),
        )
        for k in range(6):
            t = 0.15 + k * 0.12
            for side in (-1, 1):
                draw.line(
                    [
                        (cx + side * w * 0.12, cy - h * 0.85 + h * t + h * 0.05),
                        (cx + side * w * 0.9, cy - h + h * t),
                    ],
                    fill=(170, 170, 170),
                    width=SCALE * 2,
                )
    lx = width * 0.12
    draw.rectangle([lx - 6, height * 0.25, lx + 6, height * 0.65], fill=(60, 60, 60))
    draw.polygon(
        [
            (lx - 90, height * 0.3),
            (lx + 90, height * 0.3),
            (lx + 40, height * 0.18),
            (lx - 40, height * 0.18),
        ],
        fill=(40, 110, 80),
    )
    draw.ellipse([lx - 80, height * 0.63, lx + 80, height * 0.67], fill=(50, 50, 50))
    waving_flag(draw, width * 0.82, height * 0.08, width * 0.1, height * 0.08, RED, rng)


def draw_people(draw, width, height, rng):
    """Volunteers in blue shirts on a village road lined with flowers."""
    gradient(draw, width, height, (140, 200, 240), (235, 245, 250), 0, int(height * 0.5))
    draw.rectangle([0, height * 0.5, width, height], fill=(110, 170, 80))
    draw.polygon(
        [
            (width * 0.42, height * 0.5),
            (width * 0.58, height * 0.5),
            (width * 0.85, height),
            (width * 0.15, height),
        ],
        fill=(200, 200, 195),
    )
    for i in range(20):
        side = -1 if i % 2 else 1
        t = i / 20
        x = width * 0.5 + side * width * (0.1 + 0.35 * t)
        y = height * (0.52 + 0.45 * t)
        r = height * (0.01 + 0.025 * t)
        colour = rng.choice([(240, 90, 110), (250, 200, 60), (250, 140, 60)])
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    for i in range(rng.randint(5, 7)):
        x = width * (0.25 + i * 0.09) + rng.uniform(-20, 20)
        y = height * rng.uniform(0.62, 0.72)
        s = height * 0.05
        draw.ellipse([x - s * 0.5, y - s * 2.4, x + s * 0.5, y - s * 1.4], fill=(60, 45, 35))
        draw.rounded_rectangle(
            [x - s * 0.7, y - s * 1.4, x + s * 0.7, y + s * 0.4], radius=12, fill=(40, 100, 200)
        )
        draw.rectangle([x - s * 0.55, y + s * 0.4, x + s * 0.55, y + s * 1.8], fill=(40, 40, 60))
    waving_flag(draw, width * 0.08, height * 0.1, width * 0.12, height * 0.09, RED, rng)


THEMES = {
    "books": draw_books,
    "city": draw_city,
    "coast": draw_coast,
    "digital": draw_digital,
    "drum": draw_drum,
    "factory": draw_factory,
    "fields": draw_fields,
    "flags": draw_flags,
    "hall": draw_hall,
    "people": draw_people,
    "screens": draw_screens,
}
