#!/usr/bin/env python3
"""Rebuild the word lists in this folder (see README.md for sources and licences).

    pip download names==0.3.0 --no-deps && tar xzf names-0.3.0.tar.gz   # 1990 US Census files
    apt-get install wamerican                                           # SCOWL word list
    python3 build.py path/to/names-0.3.0/names /usr/share/dict/american-english
"""
import sys
from pathlib import Path

SURNAME_RANKS = 25000  # the 1990 Census's 25,000 most frequent surnames
HERE = Path(__file__).parent


def census(path):
    return [line.split()[0].lower() for line in open(path) if line.strip()]


def main(names_dir, dictionary):
    names_dir = Path(names_dir)
    first = set(census(names_dir / "dist.male.first")) | set(census(names_dir / "dist.female.first"))
    last = set(census(names_dir / "dist.all.last")[:SURNAME_RANKS])
    words = {w.strip() for w in open(dictionary, encoding="utf-8")
             if w.strip().isalpha() and w.strip().isascii() and w.strip().islower()}
    common = sorted((first | last) & words)
    for name, items in [("first-names.txt", sorted(first)), ("surnames.txt", sorted(last)),
                        ("name-words.txt", common)]:
        (HERE / name).write_text("".join(i + "\n" for i in items))
        print(name, len(items))


if __name__ == "__main__":
    main(*sys.argv[1:3])
