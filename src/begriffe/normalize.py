"""Normalise words for lookup: lowercase, gender forms joined, invisible marks removed."""

from __future__ import annotations

import re

GENDER_MARK = re.compile(r"(?<=[a-zäöüß])(?:[:*_·/]-?|\(-?)(?=in)")
GENDER_CLOSE = re.compile(r"(?<=in)\)|(?<=innen)\)")
INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")


def normalize(word: str) -> str:
    """Lowercase, gender forms joined (Migrant:innen → migrantinnen), invisible marks removed."""
    w = word.translate(INVISIBLE).lower()
    if "in" in w and any(c in w for c in ":*_·/("):
        w = GENDER_MARK.sub("", w)
        w = GENDER_CLOSE.sub("", w)
    return w.replace("’", "'")
