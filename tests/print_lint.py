# SPDX-License-Identifier: MIT
"""Print lint of a PDF: /usr/bin/python3 tests/print_lint.py FILE.pdf...

Reads the word boxes poppler's `pdftotext -bbox-layout` finds on every page
and reports, one line each, `FILE:PAGE: problem`:
  - two words on one line (their heights overlap by half or more) whose
    boxes overlap or touch (less than MIN_GAP points apart): a page number
    run into a head, a cell's text into its neighbour's, glyphs overprinted;
  - a word partly or wholly off the page;
  - a word cut short with "…" (a cell's text that did not fit); a blank
    made of dots alone ("……", "……/……/……") is a blank, not a cut.
Options (before the files):
  --number-alone  a page number (a word of digits alone in the top margin, above
                  50 pt) shares its line with no other word (Decree 30: the top
                  of the page holds the number alone);
  --full-until N  pages 1 to N-1 (a report's body, N the page of its
                  signature) are at most a third empty: their lowest word
                  (above the 20 mm bottom margin) is in the text area's
                  lowest third;
  --full-from N   pages N to the last but one (an appendix that runs to the
                  end of the document, N its first page) are at least
                  MIN_FULL (--min-full P, default 80) per cent full: their
                  lowest word (above the 20 mm bottom margin) is in the
                  text area's lowest fifth; a long table fills its pages
                  rather than move groups of rows whole and leave the rest
                  of a page empty;
  --allow-cut     words cut with "…" are not reported (a document whose names
                  and notes may give way; its caller checks its headers).
Exit 0 clean, 1 with problems, 77 when pdftotext is missing (the test skips).
Shared by the tests of the report, the scorecards and the urging dispatch.
"""
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

MIN_GAP = 0.5  # points between two words of one line
NS = "{http://www.w3.org/1999/xhtml}"


def pages(path):
	out = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-"],
	                     capture_output=True, check=True).stdout
	# poppler's XHTML: the word texts are escaped, the rest is plain XML
	root = ET.fromstring(out)
	for n, page in enumerate(root.iter(NS + "page"), 1):
		w, h = float(page.get("width")), float(page.get("height"))
		words = []
		for word in page.iter(NS + "word"):
			words.append((float(word.get("xMin")), float(word.get("yMin")),
			              float(word.get("xMax")), float(word.get("yMax")), word.text or ""))
		yield n, w, h, words


MARGIN = 20 * 72 / 25.4  # the decree's top and bottom margins, points


def empty_share(words, ph):
	"""How much of the text area is empty under the page's lowest word."""
	low = max((w[3] for w in words if w[1] < ph - MARGIN), default=0)
	return (ph - MARGIN - low) / (ph - 2 * MARGIN)


def is_blank(t):
	"""A blank the clerk fills by hand: dots and the separators of a date
	or a number ("……", "……/……/……"), no letter or digit."""
	return re.fullmatch(r"[….:/\-–]+", t) is not None


def lint(path, number_alone=False, allow_cut=False, full_until=0, full_from=0, min_full=80):
	problems = []
	all_pages = list(pages(path))
	last = len(all_pages)
	for n, pw, ph, words in all_pages:
		for x0, y0, x1, y1, t in words:
			if x0 < -0.5 or y0 < -0.5 or x1 > pw + 0.5 or y1 > ph + 0.5:
				problems.append(f"{path}:{n}: '{t}' is off the page ({x0:.1f},{y0:.1f})-({x1:.1f},{y1:.1f})")
			if not allow_cut and t.endswith("…") and not is_blank(t) and not re.search(r"\.\.\.|…\.?$", t.rstrip("…")):
				problems.append(f"{path}:{n}: '{t}' is cut short")
		if n < full_until:
			empty = empty_share(words, ph)
			if empty > 1 / 3:
				problems.append(f"{path}:{n}: the page is {empty * 100:.0f} % empty before the signature")
		if full_from and full_from <= n < last:
			full = 100 * (1 - empty_share(words, ph))
			if full < min_full:
				problems.append(f"{path}:{n}: the page is {full:.0f} % full, under {min_full} % "
				                f"(an appendix page before its last)")
		if number_alone:
			for a in words:
				if not a[4].isdigit() or a[3] > 50:
					continue
				for b in words:
					if b is not a and min(a[3], b[3]) - max(a[1], b[1]) > 0:
						problems.append(f"{path}:{n}: the page number '{a[4]}' shares its line with '{b[4]}'")
						break
		words.sort(key=lambda w: (w[1], w[0]))
		for i, a in enumerate(words):
			for b in words[i + 1:]:
				if b[1] >= a[3]:
					break  # sorted by top: nothing further overlaps a's height
				ov = min(a[3], b[3]) - max(a[1], b[1])
				if ov < 0.5 * min(a[3] - a[1], b[3] - b[1]):
					continue
				gap = max(a[0], b[0]) - min(a[2], b[2])
				if gap < MIN_GAP:
					problems.append(f"{path}:{n}: '{a[4]}' and '{b[4]}' "
					                f"{'overlap' if gap < 0 else 'touch'} "
					                f"(gap {gap:.2f} pt at y {a[1]:.1f})")
	return problems


def main():
	if not shutil.which("pdftotext"):
		print("print_lint: pdftotext (poppler-utils) is missing")
		return 77
	args = sys.argv[1:]
	opts = {"--number-alone": False, "--allow-cut": False}
	num = {"--full-until": 0, "--full-from": 0, "--min-full": 80}
	while args and (args[0] in opts or args[0] in num):
		if args[0] in num:
			num[args[0]] = int(args[1])
			args = args[2:]
		else:
			opts[args.pop(0)] = True
	bad = 0
	for path in args:
		for p in lint(path, opts["--number-alone"], opts["--allow-cut"], num["--full-until"],
		              num["--full-from"], num["--min-full"]):
			print(p)
			bad += 1
	return 1 if bad else 0


if __name__ == "__main__":
	sys.exit(main())
