"""Hypothesis profiles for the property tests.

``begriffe`` (the default) runs 600 examples per property (a few thousand in all) for the normal
test run; ``long`` runs ``BEGRIFFE_FUZZ_EXAMPLES`` (default 15,000) per property, for
``bench/fuzz.py``. Choose one with ``pytest --hypothesis-profile=long`` or
``BEGRIFFE_HYPOTHESIS_PROFILE=long``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

COMMON = {
    "deadline": None,  # spaCy's first call is slow, and machines differ
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    "print_blob": True,
}


def register() -> None:
    """Register both profiles and load the one named in BEGRIFFE_HYPOTHESIS_PROFILE (default: begriffe)."""
    settings.register_profile("begriffe", max_examples=600, **COMMON)
    settings.register_profile("long", max_examples=int(os.environ.get("BEGRIFFE_FUZZ_EXAMPLES", "15000")), **COMMON)
    settings.load_profile(os.environ.get("BEGRIFFE_HYPOTHESIS_PROFILE", "begriffe"))
