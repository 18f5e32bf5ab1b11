# SPDX-License-Identifier: MIT
"""msg_lint: every text a clerk can read on the terminal comes from the
message catalogue, whole.

Usage: msg_lint.py SOURCE.c... [--pot po/chitieu.pot]

In the sources, a message is the format of an error string
(`err = xasprintf(...)`, `*err = xstrdup(...)`, `warn = ...`), of
`fprintf(stderr, ...)` or of `fputs(..., stderr)`.  Its format must be
`_("...")` (gettext: the catalogue has its Vietnamese), or hold no word
at all ("chitieu: %s\n" puts a program name before a finished message).
And with --pot, any string of English prose (two or more function words:
"the", "of", "cannot", ...) that is not a msgid of the catalogue is
reported: it would reach a clerk untranslated.  A string or call whose
line, or the line above it, says `untranslated:` is left as it is on
purpose (a trace line that tools parse, the out-of-memory
line that must not allocate).

A message glued from fragments fails: one call formatting two or more
`_()` texts into an untranslated format ("%s %s", _("cannot"),
_("write")), and, in the catalogue (--pot), a msgid that starts or ends
with a space, ends on a word that leaves the sentence open ("the",
"of", "to", ...), or has no word at all (a msgid that is whole lines,
ending in a newline, may be indented).

Prints each problem as "file:line: text" and exits 1 if there is one.
"""
import re
import sys

CALL = re.compile(r"\b(xasprintf|xstrdup|fprintf|fputs|buf_printf)\s*\(")
ASSIGN = re.compile(r"\b\w*(err|warn)\s*=\s*$")
WORD = re.compile(r"[A-Za-z]{2,}")
CONV = re.compile(r"%(?:\d+\$)?[-+ #0]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|z|j|t)?[a-zA-Z%]")
OPEN_END = {"the", "a", "an", "of", "to", "in", "for", "and", "or", "with", "from", "by", "at",
            "on", "is", "are", "not"}


def args_of(s, i):
    """The arguments of the call whose '(' is at s[i]: (list of texts, end)."""
    depth, j, start, out = 0, i, i + 1, []
    while j < len(s):
        c = s[j]
        if c in "\"'":
            q = c
            j += 1
            while j < len(s) and s[j] != q:
                j += 2 if s[j] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                out.append(s[start:j].strip())
                return out, j
        elif c == "," and depth == 1:
            out.append(s[start:j].strip())
            start = j + 1
        j += 1
    return out, j


def literal(arg):
    """The text of an argument made of string literals only, else None."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', arg)
    if not parts or re.sub(r'"(?:[^"\\]|\\.)*"', "", arg).strip():
        return None
    return "".join(parts)


def has_words(text):
    """Words besides the conversions and the program's name before a message."""
    return bool(WORD.search(re.sub(r"^chitieu: ", "", CONV.sub("", text))))


FUNCTION_WORDS = re.compile(r"\b(the|of|to|is|was|not|cannot|could|failed|with|by|its|it|no|a|an|or|and|be|give|use|while)\b")
SEQ = re.compile(r'"(?:[^"\\\n]|\\.)*"(?:\s*"(?:[^"\\\n]|\\.)*")*')


def unescape(lit):
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)),
                  "".join(re.findall(r'"((?:[^"\\\n]|\\.)*)"', lit)))


def lint_english(path, msgids, problems):
    """A string of English prose (two function words or more) that the
    catalogue does not hold is text a clerk would read in English."""
    s = open(path, encoding="utf-8").read()
    s = re.sub(r"/\*.*?\*/|//[^\n]*", lambda m: re.sub(r"[^\n]", " ", m.group(0)) if "untranslated:" not in m.group(0) else m.group(0), s, flags=re.S)
    lines = s.split("\n")
    for m in SEQ.finditer(s):
        text = unescape(m.group(0))
        if len(set(FUNCTION_WORDS.findall(text))) < 2 or text in msgids:
            continue
        line = s.count("\n", 0, m.start()) + 1
        if "untranslated:" in lines[line - 1] + (lines[line - 2] if line > 1 else ""):
            continue
        problems.append(f"{path}:{line}: English text not in the catalogue: \"{text[:80]}\" (mark it with _() or N_())")


def pot_ids(path):
    s = open(path, encoding="utf-8").read()
    ids = set()
    for m in re.finditer(r'^msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)', s, flags=re.M):
        ids.add(unescape(m.group(1)))
    return ids


def lint_source(path, problems):
    s = open(path, encoding="utf-8").read()
    # comments out, lengths kept (line numbers stay right)
    s = re.sub(r"/\*.*?\*/|//[^\n]*", lambda m: re.sub(r"[^\n]", " ", m.group(0)) if "untranslated:" not in m.group(0) else m.group(0), s, flags=re.S)
    lines = s.split("\n")
    for m in CALL.finditer(s):
        fn = m.group(1)
        args, _end = args_of(s, m.end() - 1)
        line = s.count("\n", 0, m.start()) + 1
        here = lines[line - 1] + (lines[line - 2] if line > 1 else "")
        if "untranslated:" in here:
            continue
        if fn == "fprintf":
            if not args or args[0] != "stderr" or len(args) < 2:
                continue
            fmt = args[1]
        elif fn == "fputs":
            if len(args) != 2 or args[1] != "stderr":
                continue
            fmt = args[0]
        elif fn == "buf_printf":
            fmt = args[1] if len(args) > 1 else ""
        else:
            if not args:
                continue
            before = s[s.rfind("\n", 0, m.start()) + 1:m.start()]
            fmt = args[0]
        lit = literal(fmt)
        n_tr = sum(1 for a in args[1:] if re.match(r"(_|msg_gettext|msg_vi|tr)\s*\(", a))
        message = fn in ("fprintf", "fputs") or (fn != "buf_printf" and ASSIGN.search(before))
        if lit is not None and n_tr >= 2:
            problems.append(f"{path}:{line}: a message glued from {n_tr} translated fragments by \"{lit}\": write it as one _() format")
        elif message and lit is not None and has_words(lit):
            problems.append(f"{path}:{line}: an English message outside the catalogue: \"{lit}\" (wrap it in _())")


def lint_pot(path, problems):
    s = open(path, encoding="utf-8").read()
    for m in re.finditer(r'^msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)', s, flags=re.M):
        ident = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
        if not ident:
            continue
        line = s.count("\n", 0, m.start()) + 1
        body = ident[:-2] if ident.endswith("\\n") else ident
        words = re.findall(r"[A-Za-z]+", CONV.sub(" ", body))
        if body != body.strip() and not ident.endswith("\\n"):
            problems.append(f"{path}:{line}: msgid \"{ident}\" starts or ends with a space: a fragment glued to another")
        elif not words:
            problems.append(f"{path}:{line}: msgid \"{ident}\" has no word: a message is not punctuation")
        elif re.search(r"[A-Za-z]$", CONV.sub("%", body)) and words[-1].lower() in OPEN_END:
            problems.append(f"{path}:{line}: msgid \"{ident}\" ends on \"{words[-1]}\": a fragment of a sentence")


def main(argv):
    pot, files, problems = None, [], []
    it = iter(argv)
    for a in it:
        if a == "--pot":
            pot = next(it)
        else:
            files.append(a)
    msgids = pot_ids(pot) if pot else set()
    for f in files:
        lint_source(f, problems)
        if pot:
            lint_english(f, msgids, problems)
    if pot:
        lint_pot(pot, problems)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
