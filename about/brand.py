"""The portal's mark, drawn once from one geometry into SVG and PNG files.

The mark is a green island (青岛, "green island") under a sun, above two waves,
on the sea blue of the site. `draw_brand` writes the favicons, the apple-touch
icon and the default OpenGraph image from it into static/img/.
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SEA = "#0b4f6c"
SEA_DARK = "#083a50"
ISLAND = "#4caf7d"
SUN = "#f2b84b"
WAVE = "#ffffff"
MIST = "#eef4f7"
SIZE = 64  # the mark's own coordinates: a 64 × 64 square
CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
CJK_FONT_SC = 2  # Simplified Chinese face in the collection


def _wave(y, amplitude=3.0, x0=10, x1=54, steps=24):
    return [
        (x0 + (x1 - x0) * i / steps, y + amplitude * math.sin(i / steps * 2 * math.pi * 2))
        for i in range(steps + 1)
    ]


def _island():
    """Two hills rising from the water line at y = 40."""
    top = [(10, 40)]
    for i in range(1, 31):
        x = 10 + 44 * i / 30
        hill = 14 * math.exp(-(((x - 25) / 8) ** 2)) + 9 * math.exp(-(((x - 40) / 6) ** 2))
        top.append((x, 40 - hill))
    return top


SHAPES = {
    "sun": ("circle", (44, 17, 6), SUN),
    "island": ("polygon", _island(), ISLAND),
    "wave1": ("line", _wave(45), WAVE),
    "wave2": ("line", _wave(52), WAVE),
}


def mark_svg():
    parts = [f'<rect width="{SIZE}" height="{SIZE}" rx="14" fill="{SEA}"/>']
    for kind, geometry, colour in SHAPES.values():
        if kind == "circle":
            x, y, r = geometry
            parts.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{colour}"/>')
        else:
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in geometry)
            if kind == "polygon":
                parts.append(f'<polygon points="{points}" fill="{colour}"/>')
            else:
                parts.append(
                    f'<polyline points="{points}" fill="none" stroke="{colour}"'
                    ' stroke-width="3" stroke-linecap="round"/>'
                )
    body = "".join(parts)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}">{body}</svg>\n'


def mark_png(pixels):
    """The mark at `pixels` square, drawn 4× larger and reduced for smooth edges."""
    scale = pixels * 4 / SIZE
    big = Image.new("RGBA", (pixels * 4, pixels * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    draw.rounded_rectangle((0, 0, big.width - 1, big.height - 1), radius=14 * scale, fill=SEA)
    for kind, geometry, colour in SHAPES.values():
        if kind == "circle":
            x, y, r = (value * scale for value in geometry)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        elif kind == "polygon":
            draw.polygon([(x * scale, y * scale) for x, y in geometry], fill=colour)
        else:
            points = [(x * scale, y * scale) for x, y in geometry]
            draw.line(points, fill=colour, width=round(3 * scale), joint="curve")
            for x, y in (points[0], points[-1]):
                r = 1.5 * scale
                draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    return big.resize((pixels, pixels), Image.LANCZOS)


def og_image(width=1200, height=630):
    """The default OpenGraph image: the mark and both names on the sea blue."""
    image = Image.new("RGB", (width, height), SEA_DARK)
    draw = ImageDraw.Draw(image)
    for i, y in enumerate(range(height - 170, height, 40)):
        points = [(x, y + 10 * math.sin(x / 90 + i)) for x in range(0, width + 10, 10)]
        draw.line(points, fill=SEA, width=14)
    image.paste(mark := mark_png(220), (100, 150), mark)
    name = ImageFont.truetype(CJK_FONT, 84, index=CJK_FONT_SC)
    small = ImageFont.truetype(CJK_FONT, 52, index=CJK_FONT_SC)
    draw.text((370, 160), "Invest Qingdao", font=name, fill="#ffffff")
    draw.text((372, 280), "投资青岛", font=small, fill=MIST)
    return image


def wordmark_svg(primary, secondary, primary_lang, secondary_lang):
    """The mark with the portal's name, in the page's language first."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 64" role="img">'
        f"<title>{primary}</title>"
        f"{mark_svg().split('>', 1)[1].rsplit('</svg>', 1)[0]}"
        f'<text x="76" y="32" font-family="system-ui, sans-serif" font-size="26"'
        f' font-weight="700" fill="{SEA_DARK}" lang="{primary_lang}">{primary}</text>'
        f'<text x="76" y="56" font-family="system-ui, sans-serif" font-size="17"'
        f' fill="{SEA}" lang="{secondary_lang}">{secondary}</text></svg>\n'
    )


def write_all(folder):
    """Every brand file into `folder`; returns their names."""
    folder = Path(folder)
    files = {
        "favicon.svg": mark_svg(),
        "wordmark-en.svg": wordmark_svg("Invest Qingdao", "投资青岛", "en", "zh-Hans"),
        "wordmark-zh-hans.svg": wordmark_svg("投资青岛", "Invest Qingdao", "zh-Hans", "en"),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, pixels in {
        "favicon-32.png": 32,
        "favicon-192.png": 192,
        "favicon-512.png": 512,
        "apple-touch-icon.png": 180,
    }.items():
        mark_png(pixels).save(folder / name, optimize=True)
        files[name] = pixels
    mark_png(48).save(folder / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    og_image().save(folder / "og-default.png", optimize=True)
    return [*files, "favicon.ico", "og-default.png"]
