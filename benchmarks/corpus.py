"""Generated corpora for benchmarks: many articles made from samples/ by
swapping names, places and numbers, so benchmarks run without ../shared.

Deterministic: the same seed gives the same articles.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

FIRST = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Katya",
         "Lars", "Mira", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tamara", "Viktor"]
LAST = ["Adler", "Brandt", "Cerny", "Dvorak", "Engel", "Fischer", "Gorski", "Horvat", "Ivanic", "Jansen",
        "Kolar", "Lindqvist", "Marek", "Novak", "Orban", "Petrov", "Quist", "Reyes", "Sokol", "Toth"]
PLACES = ["Orlitz", "Sedlow", "Tarnholm", "Saltmere", "Varna", "Kelsby", "Brenna", "Dunmore", "Halden",
          "Corvik", "Lisk", "Moravin"]
RE_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*\b")
RE_FRONT = re.compile(r"\A(?:[A-Za-z]+: .*\n)+\n")


def _bodies() -> list[str]:
    return [RE_FRONT.sub("", p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]


def articles(n: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """``n`` (name, text) pairs of varied wire copy."""
    rng = random.Random(seed)
    bodies = _bodies()
    for i in range(n):
        text = bodies[i % len(bodies)]
        for place in PLACES[:6]:
            if place in text and rng.random() < 0.5:
                text = text.replace(place, rng.choice(PLACES))
        text = RE_NUMBER.sub(lambda m: str(max(1, int(m.group().replace(",", "")) + rng.randint(-3, 9))), text)
        who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        text = f"Published: 2026-03-{1 + i % 28:02d}\n\n{text}\n\n“We will keep counting,” {who} said on day {i}."
        yield f"gen-{i:06d}.txt", text
