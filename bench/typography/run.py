#!/usr/bin/env python3
"""Typography bench: sets the fixture texts justified and measures them with typo_metrics.py.

Renders tests/cases/typo-80mm and typo-120mm (the seed's body paragraphs, Liberation Serif
10/13 pt, hyphenated en-GB, 6 pt between paragraphs) and texts the settings were not tuned on:
the paragraphs in reverse order, each paragraph's sentences in reverse order (inline tags dropped),
9/11.7 pt and 11/14.3 pt, and a 100 mm measure; and, to show what the no-hyphenation rule for
tagged names costs, the seed with its inline tags dropped. Prints one
Markdown table row per text, then checks the quality targets of docs/typography.md.

  python3 bench/typography/run.py [--binary build/briefing] [--out build/typography]
                                  [--metrics ../shared/tools/typo_metrics.py] [--only NAME]

Exit status 1 when a target is missed, except on the texts listed in KNOWN_MISSES, where the
rules leave no way to meet it. PDFs and generated inputs go to --out (never into git).
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CASES = os.path.join(ROOT, "tests", "cases")

# name, case (column width), body size, leading, text transformation, column override (mm), tuned on
VARIANTS = [
    ("seed 80 mm 10/13", "typo-80mm", 10, 13, "seed", None, True),
    ("seed 120 mm 10/13", "typo-120mm", 10, 13, "seed", None, True),
    ("paragraphs reversed 80 mm 10/13", "typo-80mm", 10, 13, "paragraphs", None, False),
    ("paragraphs reversed 120 mm 10/13", "typo-120mm", 10, 13, "paragraphs", None, False),
    ("seed 80 mm 9/11.7", "typo-80mm", 9, 11.7, "seed", None, False),
    ("seed 120 mm 9/11.7", "typo-120mm", 9, 11.7, "seed", None, False),
    ("seed 80 mm 11/14.3", "typo-80mm", 11, 14.3, "seed", None, False),
    ("seed 120 mm 11/14.3", "typo-120mm", 11, 14.3, "seed", None, False),
    ("sentences reversed 80 mm 10/13", "typo-80mm", 10, 13, "sentences", None, False),
    ("sentences reversed 120 mm 10/13", "typo-120mm", 10, 13, "sentences", None, False),
    ("sentences reversed 80 mm 9/11.7", "typo-80mm", 9, 11.7, "sentences", None, False),
    ("sentences reversed 80 mm 11/14.3", "typo-80mm", 11, 14.3, "sentences", None, False),
    ("sentences reversed 120 mm 11/14.3", "typo-120mm", 11, 14.3, "sentences", None, False),
    ("seed 100 mm 10/13", "typo-80mm", 10, 13, "seed", 100, False),
    ("sentences reversed 100 mm 10/13", "typo-80mm", 10, 13, "sentences", 100, False),
    ("seed untagged 80 mm 11/14.3", "typo-80mm", 11, 14.3, "untagged", None, False),
    ("seed untagged 100 mm 10/13", "typo-80mm", 10, 13, "untagged", 100, False),
]


# Texts where the rules themselves force a line past the loose limit (docs/typography.md, "Where
# the targets cannot hold"): reported, but not counted as a regression.
KNOWN_MISSES = {
    "seed 80 mm 11/14.3": "the first line of paragraph 4 can hold nothing after 'Organized', and the "
                          "next word belongs to an organisation name, which is never hyphenated",
    "seed 100 mm 10/13": "the same line, one word later: 'Intelligence' is too long and may not be hyphenated",
    "seed untagged 80 mm 11/14.3": "in paragraph 10 no break sequence allowed by the hyphen rules keeps every "
                                   "word space within twice its width (pass 2 finds none)",
}


def sd_target(width_mm):
    """The issue's line-mean spread target: 0.060 em at 80 mm, 0.045 em at 120 mm (interpolated)."""
    if width_mm <= 80:
        return 0.060
    if width_mm >= 120:
        return 0.045
    return 0.060 - (width_mm - 80) * (0.015 / 40)


def reverse_paragraphs(xml):
    """The article with its body paragraphs in reverse order."""
    head, rest = xml.split("<body>", 1)
    body, tail = rest.split("</body>", 1)
    paras = re.findall(r"\n\s*<p>.*?</p>", body, re.S)
    first = body.find(paras[0])
    last = body.rfind(paras[-1]) + len(paras[-1])
    return head + "<body>" + body[:first] + "".join(reversed(paras)) + body[last:] + "</body>" + tail


def reverse_sentences(xml):
    """The article with the inline tags dropped and each paragraph's sentences in reverse order."""
    def flip(m):
        text = re.sub(r"<[^>]+>", "", m.group(1))
        text = re.sub(r"\s+", " ", text).strip()
        sentences = re.split(r"(?:(?<=[.!?…])|(?<=[.!?…][”’]))\s+(?=[“‘A-Z0-9])", text)
        return "<p>" + " ".join(reversed(sentences)) + "</p>"
    head, rest = xml.split("<body>", 1)
    body, tail = rest.split("</body>", 1)
    return head + "<body>" + re.sub(r"<p>(.*?)</p>", flip, body, flags=re.S) + "</body>" + tail


def untag(xml):
    """The article with the inline tags of its paragraphs dropped: names become hyphenatable."""
    head, rest = xml.split("<body>", 1)
    body, tail = rest.split("</body>", 1)
    body = re.sub(r"<p>(.*?)</p>", lambda m: "<p>" + re.sub(r"<[^>]+>", "", m.group(1)) + "</p>", body, flags=re.S)
    return head + "<body>" + body + "</body>" + tail


TRANSFORMS = {"seed": lambda xml: xml, "paragraphs": reverse_paragraphs, "sentences": reverse_sentences,
              "untagged": untag}


def variant_layout(xml, size, leading, width_mm):
    """The fixture layout with another body size, leading and (optionally) column width."""
    xml = re.sub(r'(<style name="body"[^>]*?)size="[^"]*"', rf'\g<1>size="{size}pt"', xml, flags=re.S)
    xml = re.sub(r'(<style name="body"[^>]*?)leading="[^"]*"', rf'\g<1>leading="{leading}pt"', xml, flags=re.S)
    if width_mm:
        xml = re.sub(r'<page width="[^"]*"', f'<page width="{width_mm + 20}mm"', xml)
    return xml


def column_mm(case, width_override):
    return width_override or int(re.search(r"typo-(\d+)mm", case).group(1))


def render(args, name, case, size, leading, transform, width):
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    article = open(os.path.join(CASES, case, "article.xml"), encoding="utf-8").read()
    layout = open(os.path.join(CASES, case, "layout.xml"), encoding="utf-8").read()
    article = TRANSFORMS[transform](article)
    layout = variant_layout(layout, size, leading, width)
    art_path = os.path.join(args.out, slug + ".article.xml")
    lay_path = os.path.join(args.out, slug + ".layout.xml")
    pdf = os.path.join(args.out, slug + ".pdf")
    open(art_path, "w", encoding="utf-8").write(article)
    open(lay_path, "w", encoding="utf-8").write(layout)
    run = subprocess.run([args.binary, "render", art_path, "--layout", lay_path, "-o", pdf,
                          "--fonts-dir", os.path.join(ROOT, "fonts")],
                         capture_output=True, text=True, cwd=ROOT)
    if run.returncode != 0:
        sys.exit(f"{name}: briefing failed:\n{run.stderr}")
    return pdf, run.stderr.strip()


def measure(args, pdf):
    out = subprocess.run([sys.executable, args.metrics, "--json", pdf], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def misses(m, width_mm):
    """The targets a measurement misses, as short texts."""
    checks = [
        (m["overfull"] == 0, "overfull"),
        (m["short_nonfinal"] == 0, "short lines"),
        (m["right_sd_pt"] <= 0.02, "right edge"),
        (m["hyph_max_run"] <= 2, "hyphen run"),
        (m["line_mean_sd_em"] <= sd_target(width_mm) + 1e-9, "spread"),
        (m["loose_share"] == 0, "loose"),
    ]
    return [what for ok, what in checks if not ok]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "briefing"))
    ap.add_argument("--out", default=None, help="folder for generated inputs and PDFs (default: <binary dir>/typography)")
    ap.add_argument("--metrics", default=os.path.join(ROOT, "..", "shared", "tools", "typo_metrics.py"))
    ap.add_argument("--only", default=None, help="run only the variants whose name contains this text")
    args = ap.parse_args()
    args.binary = os.path.abspath(args.binary)
    args.out = os.path.abspath(args.out or os.path.join(os.path.dirname(args.binary), "typography"))
    os.makedirs(args.out, exist_ok=True)
    print("| text | tuned | gap median em | spread of line means em (target) | loose % | tight % "
          "| hyphenated lines | longest hyphen run | right-edge sd pt | overfull | short | warnings |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    failed, known = [], []
    for name, case, size, leading, transform, width, tuned in VARIANTS:
        if args.only and args.only not in name:
            continue
        pdf, warnings = render(args, name, case, size, leading, transform, width)
        m = measure(args, pdf)
        w = column_mm(case, width)
        print(f"| {name} | {'yes' if tuned else 'no'} | {m['gap_median_em']:.3f} | {m['line_mean_sd_em']:.3f} "
              f"(≤ {sd_target(w):.3f}) | {100 * m['loose_share']:.1f} | {100 * m['tight_share']:.1f} "
              f"| {m['hyph_lines']} of {m['justified_lines']} | {m['hyph_max_run']} | {m['right_sd_pt']:.3f} "
              f"| {m['overfull']} | {m['short_nonfinal']} | {len(warnings.splitlines()) if warnings else 0} |")
        if misses(m, w):
            (known if name in KNOWN_MISSES else failed).append(f"{name}: {', '.join(misses(m, w))}")
    for k in known:
        print(f"missed, as expected: {k} ({KNOWN_MISSES[k.split(':')[0]]})", file=sys.stderr)
    for f in failed:
        print("missed: " + f, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
