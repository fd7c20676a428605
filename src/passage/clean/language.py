"""Language of a text, via py3langid on a bounded prefix."""

from __future__ import annotations

from functools import cache
from itertools import islice

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Fewer letters than this say too little to name a language.
MIN_LETTERS = 20
# py3langid walks the text byte by byte: a short prefix first (under 100 µs) ...
QUICK_PREFIX_CHARS = 200
# ... and only when that is not clear, a longer one (about 450 µs).
FULL_PREFIX_CHARS = 2000
# A quick answer at least this probable is kept without the longer look.
QUICK_CONFIDENCE = 0.9
# Below this probability the text is of no clear language: answer None.
MIN_CONFIDENCE = 0.5


@cache
def _identifier() -> LanguageIdentifier:
    """The packaged model, loaded once (about half a second)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The language code py3langid gives ``text`` (ISO 639-1 where one exists,
    e.g. "en", "fr", "es"), or None for text too short or too unclear."""
    if sum(1 for _ in islice(filter(str.isalpha, text), MIN_LETTERS)) < MIN_LETTERS:
        return None
    identifier = _identifier()
    language, confidence = identifier.classify(text[:QUICK_PREFIX_CHARS])
    if confidence < QUICK_CONFIDENCE and len(text) > QUICK_PREFIX_CHARS:
        language, confidence = identifier.classify(text[:FULL_PREFIX_CHARS])
    return language if confidence >= MIN_CONFIDENCE else None
