#!/usr/bin/env python3
"""Builds the CJK font the PDF reports embed: Noto Sans CJK SC (SIL OFL 1.1), cut to the CJK Unified
Ideographs U+4E00-U+9FA5 (every hanzi of GBK, so the rare characters of people's names are there too), the
symbols of GB 2312, ASCII, punctuation, circled numbers and every character of our own texts, and converted
from CFF to TrueType outlines, which the PDF renderer (Apache PDFBox) can subset when it embeds the font.

Needs Debian's fonts-noto-cjk and python3-fonttools; run from the repository root:
    /usr/bin/python3 tools/font-subset.py
writes src/main/resources/fonts/NotoSansSC-Rectiflow-Regular.ttf.
"""
import pathlib
import sys

from fontTools import subset
from fontTools.cu2qu.ufo import DEFAULT_MAX_ERR
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = {
    "Regular": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
}


def characters():
    chars = set(chr(c) for c in range(0x20, 0x7F))
    # GB 2312: rows 0xA1-0xF7, cells 0xA1-0xFE (symbols, then the 6,763 hanzi in common use).
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    chars.update(chr(c) for c in range(0x4E00, 0x9FA6))
    for start, end in [(0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2460, 0x24FF), (0x2160, 0x217F)]:
        chars.update(chr(c) for c in range(start, end + 1))
    # Every character our own texts use (the reference case, labels, report templates), GB 2312 or not.
    for pattern in ["src/main/resources/seeds/*.txt", "src/main/resources/messages.properties",
                    "src/main/resources/templates/report/*", "src/main/java/org/rectiflow/**/*.java"]:
        for path in ROOT.glob(pattern):
            chars.update(path.read_text(encoding="utf-8"))
    return "".join(sorted(c for c in chars if c.isprintable()))


def sc_font(path):
    for font in TTCollection(path).fonts:
        if font["name"].getDebugName(1).endswith(" SC"):
            return font
    raise SystemExit("no SC face in " + path)


def to_truetype(font):
    """CFF cubic outlines to TrueType quadratic ones (fontTools' otf2ttf recipe)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, DEFAULT_MAX_ERR, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ["maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                 "maxSizeOfInstructions", "maxComponentElements"]:
        setattr(maxp, attr, 0)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font.sfntVersion = "\000\001\000\000"


def main():
    text = characters()
    out_dir = ROOT / "src/main/resources/fonts"
    out_dir.mkdir(parents=True, exist_ok=True)
    for weight, source in SOURCES.items():
        font = sc_font(source)
        options = subset.Options()
        options.layout_features = []
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.hinting = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        to_truetype(font)
        target = out_dir / f"NotoSansSC-Rectiflow-{weight}.ttf"
        font.save(target)
        print(target, target.stat().st_size, "bytes,", len(font.getGlyphOrder()), "glyphs", file=sys.stderr)


if __name__ == "__main__":
    main()
