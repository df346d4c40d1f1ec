#!/usr/bin/env python3
"""Rebuild the word lists in this folder (see README.md for sources and licences).

US Census lists (first-names.txt, surnames.txt, name-words.txt):
    pip download names==0.3.0 --no-deps && tar xzf names-0.3.0.tar.gz   # 1990 US Census files
    apt-get install wamerican                                           # SCOWL word list
    python3 build.py path/to/names-0.3.0/names /usr/share/dict/american-english

Names of every origin (given-names-world.txt, surnames-world.txt, name-words-world.txt), from the
person providers of faker's locales (MIT licence), and english-words.txt (SCOWL):
    pip install faker==40.54.0
    python3 build.py --world /usr/share/dict/american-english

The most common given names and surnames of about 100 countries as Wikipedia lists them
(given-names-wikipedia.txt, surnames-wikipedia.txt), from sigpwned/popular-names-by-country-dataset
(CC0), commit eb62e13, without the names the lists above already hold:
    python3 build.py --wikipedia common-forenames-by-country.csv common-surnames-by-country.csv \
        /usr/share/dict/american-english

Given names of people born in the US since 1880 as the Social Security Administration publishes
them (national data, `names.zip`: yob1880.txt … yob2023.txt; US government work, public domain),
given to at least 100 babies in all, four letters or more, without the names the lists above
already hold, without English words (english-words.txt) and without the dictionary's proper
nouns (places, brands, gods, months: "kansas", "british", "quran", "tuesday"), so
given-names-ssa.txt:
    python3 build.py --ssa path/to/names /usr/share/dict/american-english

The world's towns of 15,000 people or more, from GeoNames (CC BY 4.0) as packaged by
datasets/world-cities (commit 49974c6, data/world-cities.csv), so towns-world.txt:
    python3 build.py --towns world-cities.csv english-words.txt
"""
import sys
import unicodedata
from pathlib import Path

SURNAME_RANKS = 25000  # the 1990 Census's 25,000 most frequent surnames
HERE = Path(__file__).parent


def census(path):
    return [line.split()[0].lower() for line in open(path) if line.strip()]


def english_words(dictionary):
    return {w.strip() for w in open(dictionary, encoding="utf-8")
            if w.strip().isalpha() and w.strip().isascii() and w.strip().islower()}


def write(name, items):
    (HERE / name).write_text("".join(i + "\n" for i in items))
    print(name, len(items))


def main(names_dir, dictionary):
    names_dir = Path(names_dir)
    first = set(census(names_dir / "dist.male.first")) | set(census(names_dir / "dist.female.first"))
    last = set(census(names_dir / "dist.all.last")[:SURNAME_RANKS])
    common = sorted((first | last) & english_words(dictionary))
    for name, items in [("first-names.txt", sorted(first)), ("surnames.txt", sorted(last)),
                        ("name-words.txt", common)]:
        write(name, items)


# ---------------------------------------------------------------- names of every origin

# Must match `fold` in src/phi/language/lexicon.rs: letters with diacritics lose them, and these
# letters that Unicode does not decompose are spelled out.
SPELLED = {"ß": "ss", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th",
           "ı": "i", "ħ": "h"}
# Particles of compound surnames ("van der Berg", "de la Cruz"): never a name alone.
PARTICLES = {"van", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "do", "dos", "du",
             "la", "le", "las", "los", "el", "al", "bin", "binti", "bint", "von", "zu", "ten", "ter",
             "mac", "mc", "ap", "ben", "ibn", "abu", "st", "y", "e", "og", "och", "und", "af"}
# Chat words, sign-offs and abbreviations that some locale lists hold as names: a word a forum
# member types at a line's end ("lol", "thx") must not read as a signature.
NOT_NAMES = {"lol", "thx", "thanks", "ok", "okay", "ty", "haha", "hehe", "omg", "tbh", "idk", "smh",
             "ugh", "yay", "xx", "xo", "xoxo", "lmao", "np", "brb", "ta", "cheers", "hugs", "bless",
             "amen", "ciao", "merci", "danke", "gracias", "salamat", "hola", "hallo", "bye", "gp",
             "ibs", "mri", "ct", "er", "ed", "icu", "nhs", "pots", "endo", "covid", "aww", "meh",
             "hmm", "yep", "nope", "yeah", "nah", "sis", "bro", "mum", "mam", "nan", "nana", "papa",
             "mama", "oma", "opa", "gonna", "wanna", "gotta", "kinda", "sorta", "tho", "cuz", "coz",
             "abt", "rly", "prob", "probs", "defo", "ofc", "obv", "obvs", "srsly", "tbf", "imho",
             "irl", "ngl", "atm", "asap", "til", "imo", "babe", "mil", "sil", "fil", "bil", "hun", "luv", "hubs", "pls", "plz", "abt", "btw", "fyi", "nonna", "nonno", "abuela", "abuelo", "tia", "tio", "lola",
             "lolo", "baba", "dada", "ama", "ate", "kuya", "amor", "dear", "doc", "nurse", "sir"}


def fold(name):
    name = "".join(SPELLED.get(c, c) for c in name.lower())
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def world(dictionary):
    import importlib
    import pkgutil

    import faker.providers.person as person

    given, surnames, locales = set(), set(), []
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        locales.append(module.name)
        for attr in dir(provider):
            if attr.startswith("_") or not ("first_name" in attr or "last_name" in attr):
                continue
            values = getattr(provider, attr)
            if callable(values) or isinstance(values, (str, property)) or not hasattr(values, "__iter__"):
                continue
            target = given if "first" in attr else surnames
            for value in values:  # tuples, lists, or dicts of name -> weight
                if not isinstance(value, str):
                    continue
                for part in value.replace("-", " ").replace("'", " ").replace("’", " ").split():
                    part = fold(part)
                    if len(part) >= 3 and part.isascii() and part.isalpha() and part not in PARTICLES:
                        target.add(part)
    english = english_words(dictionary)
    census_first = set((HERE / "first-names.txt").read_text().split())
    census_last = set((HERE / "surnames.txt").read_text().split())
    given -= NOT_NAMES
    surnames -= NOT_NAMES
    common = sorted(((given | surnames) & english) - set((HERE / "name-words.txt").read_text().split()))
    write("given-names-world.txt", sorted(given - census_first))
    write("surnames-world.txt", sorted(surnames - census_last))
    write("name-words-world.txt", sorted(set(common) | NOT_NAMES))
    # Every English word of three letters or more: after a relation ("my mother-in-law …"), a
    # word that is none of these (nor one letter away from one, a typo) is taken for a name.
    write("english-words.txt", sorted(w for w in english if len(w) >= 3))
    print("locales:", len(locales))


def wikipedia(forenames, surnames, dictionary):
    import csv

    def names(path):
        out = set()
        with open(path, encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                for part in row["Romanized Name"].replace("-", " ").replace("'", " ").split():
                    part = fold(part)
                    if len(part) >= 3 and part.isascii() and part.isalpha() and part not in PARTICLES:
                        out.add(part)
        return out

    # A name that is an English word too ("grace", "sunny") stays out: the name-word lists
    # above decide those, and a word of both kinds needs a cue wherever it comes from.
    known = english_words(dictionary) | NOT_NAMES
    for name in ("first-names.txt", "surnames.txt", "given-names-world.txt", "surnames-world.txt",
                 "name-words.txt", "name-words-world.txt"):
        known |= set((HERE / name).read_text().split())
    write("given-names-wikipedia.txt", sorted(names(forenames) - known))
    write("surnames-wikipedia.txt", sorted(names(surnames) - known))


def ssa(names_dir, dictionary):
    import collections

    births = collections.Counter()
    for path in sorted(Path(names_dir).glob("yob*.txt")):
        for line in open(path, encoding="utf-8"):
            name, _sex, count = line.strip().split(",")
            births[fold(name)] += int(count)
    # A name on the lists above, or an English word ("legend", "memory"), stays out: the
    # name-word lists decide words, and a rare spelling given to fewer than 100 children in 144
    # years is more often a typo of a word than a member's name.
    known = set((HERE / "english-words.txt").read_text().split()) | NOT_NAMES
    # SCOWL's capitalised entries that no list above holds as a name are places, peoples,
    # brands and myths.
    known |= {w.strip().lower() for w in open(dictionary, encoding="utf-8") if w[:1].isupper()}
    for name in ("first-names.txt", "surnames.txt", "given-names-world.txt", "surnames-world.txt",
                 "given-names-wikipedia.txt", "surnames-wikipedia.txt", "name-words.txt",
                 "name-words-world.txt"):
        known |= set((HERE / name).read_text().split())
    write("given-names-ssa.txt", sorted(
        n for n, c in births.items() if c >= 100 and len(n) >= 4 and n.isalpha() and n not in known))


def towns(cities_csv, dictionary):
    """towns-world.txt: the names of the world's towns of 15,000 people or more (GeoNames, as
    datasets/world-cities packages it), folded like the name lists, in Latin letters only;
    a one-word name that is an English word ("reading", "bath", "nice") is left out."""
    import csv
    english = english_words(dictionary)
    out = set()
    for row in csv.DictReader(open(cities_csv, encoding="utf-8")):
        name = fold(row["name"]).replace("\u2019", "'")
        if not name or not all(c.isascii() and (c.isalpha() or c in " -'.") for c in name):
            continue
        if " " not in name and "-" not in name and name in english:
            continue
        out.add(name)
    write("towns-world.txt", sorted(out))


if __name__ == "__main__":
    if sys.argv[1] == "--towns":
        towns(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "--world":
        world(sys.argv[2])
    elif sys.argv[1] == "--ssa":
        ssa(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "--wikipedia":
        wikipedia(*sys.argv[2:5])
    else:
        main(*sys.argv[1:3])
