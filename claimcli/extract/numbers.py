"""Numbers written in words or digits -> values.

Shared by the figure and time extractors.  Pure functions, no regex state
beyond the compiled constants below.
"""

from __future__ import annotations

import regex

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}
# Short scale suffixes as written in news copy: $40m, 2.3bn, 5k, 1.2tn.
SCALE_SUFFIXES: dict[str, int] = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
    "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "thousandth": 1000,
}
WORD_VALUES: dict[str, int] = {**UNITS, **TENS, "dozen": 12, "a dozen": 12, "score": 20}

# One number word, as a regex alternative (longest first so "seventeen" wins
# over "seven").
NUMBER_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
# A run of number words: "twenty-one", "two hundred and fifty", "one million".
RE_NUMBER_WORDS = regex.compile(
    rf"\b(?:{NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{NUMBER_WORD}))*\b",
    regex.IGNORECASE,
)
RE_DIGITS = regex.compile(r"^[+-]?(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?:\.\d+)?$")


def words_to_number(words: str) -> int | None:
    """Value of a run of English number words, or None when it is not one.

    >>> words_to_number("two hundred and fifty")
    250
    >>> words_to_number("twenty-one")
    21
    """
    tokens = [t for t in regex.split(r"[\s-]+", words.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    total = 0
    current = 0
    seen = False
    for token in tokens:
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_digits(text: str) -> float | int | None:
    """Value of a digit string with thousands separators: "3,500" -> 3500."""
    text = text.strip()
    if not RE_DIGITS.match(text):
        return None
    cleaned = regex.sub(r"[,\u00a0\u202f ]", "", text)
    if "." in cleaned:
        return float(cleaned)
    return int(cleaned)


def parse_number(text: str) -> float | int | None:
    """Digits, decimals or number words -> value; None when it is neither."""
    value = parse_digits(text)
    if value is not None:
        return value
    lowered = text.lower().strip()
    if lowered in ORDINALS:
        return ORDINALS[lowered]
    if lowered in WORD_VALUES:
        return WORD_VALUES[lowered]
    return words_to_number(lowered)
