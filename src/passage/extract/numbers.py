"""Numbers as written in news text: tokens, number words, and the quantities they make.

``scan`` finds every quantity in a sentence: numerals ("37,000", "1.2 million", "3.5k",
"10 000"), number words ("twenty-five thousand", "half a million", "a dozen"), vague
quantities ("dozens", "tens of thousands"), ordinals, decades, fiscal years, clock
times and phone numbers. It knows nothing of what a number counts; ``figures`` reads
the words around it (``phrases``).

The words come from ``resources/numbers.json`` (one section per language), compiled
once per language into one regular expression, tried only where a token can start a
number.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import Any, Literal

from passage.model import Span
from passage.regexes import fold_case
from passage.resources import load_json

TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|_")
_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")
_LETTERS = re.compile(r"[^\W\d_]+")
# the same on ASCII text, where [^\W\d_] is [A-Za-z] and \d is [0-9]: plain ranges are
# cheaper to test than Unicode categories, and most sentences are ASCII
_ASCII_TOKEN_SPLIT = re.compile(r"([A-Za-z]+|[0-9]+|[^A-Za-z0-9_\s]|_)")
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_ASCII_DIGIT = re.compile(r"[0-9]")
_DIGITS = re.compile(r"\d+")
_NOT_DIGIT = re.compile(r"[^\d.]")
_ANY_DIGIT = re.compile(r"\d")
_GROUP_SPACE = "[ \u00a0\u2009\u202f]"  # thousands separators: space, no-break, thin spaces

QuantityForm = Literal[
    "numeral", "words", "vague", "fixed", "ordinal", "decade", "fiscal", "time", "phone"
]


@dataclass(frozen=True)
class Tokens:
    """A stretch of text cut into tokens: runs of letters, runs of digits, single marks.

    ``words`` are lower-cased; ``starts``/``ends`` are offsets into the whole text.
    """

    words: list[str]
    starts: list[int]
    ends: list[int]
    # the distinct words, for a quick "can a phrase occur at all" test
    vocabulary: frozenset[str] = field(repr=False, compare=False)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Tokens:
        # tokens cover every character but white space, so splitting on them alternates
        # white space and tokens: [space, token, space, ..., token, space]; the running sum
        # of the pieces' lengths gives each token's start and end (no match objects)
        piece = text[start:end]
        if piece.isascii():  # lower-casing ASCII keeps every length and token boundary
            pieces = _ASCII_TOKEN_SPLIT.split(piece.lower())
            words = pieces[1::2]
        else:
            pieces = _TOKEN_SPLIT.split(piece)
            words = [w.lower() for w in pieces[1::2]]
        bounds = list(accumulate(map(len, pieces), initial=start))
        return cls(words, bounds[1:-1:2], bounds[2::2], frozenset(words))

    def __len__(self) -> int:
        return len(self.words)

    def at(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def span(self, first: int, last: int) -> Span:
        """The text span of tokens ``[first, last)``."""
        return Span(self.starts[first], self.ends[last - 1])


def tokenize(phrase: str) -> list[str]:
    """A phrase's tokens, as ``Tokens`` cuts text ("-year-old" -> ["-", "year", "-", "old"])."""
    return [m.group().lower() for m in TOKEN.finditer(phrase)]


@dataclass(frozen=True)
class Quantity:
    """One number as written: its span, value and form.

    ``value`` is the number (for a vague quantity, its low value: "dozens" is 24).
    ``scale`` is the multiplier written after a numeral ("million" in "1.2 million"), so
    "8 to 10 million" can scale the 8. ``plain`` marks bare digits with no separator,
    decimals or scale (a possible year). ``needs_of``: only a quantity before "of"
    ("scores of migrants", "a couple of teenagers").
    """

    span: Span
    value: float
    form: QuantityForm
    scale: int = 1
    plain: bool = False
    needs_of: bool = False


@dataclass(frozen=True)
class _Vague:
    low: float
    needs_of: bool


class Lexicon:
    """One language's section of numbers.json, compiled for scanning and lookups."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.numbers: dict[str, int] = {**data["units"], **data["tens"], **data["multipliers"]}
        self.units: dict[str, int] = data["units"]
        self.tens: dict[str, int] = data["tens"]
        self.multipliers: dict[str, int] = data["multipliers"]
        self.abbreviations: dict[str, int] = data["abbreviations"]
        self.ordinals: dict[str, int] = data["ordinals"]
        self.fractions: dict[str, float] = data["fractions"]
        self.articles = frozenset(data["articles"])
        self.and_words = frozenset(data["and_words"])
        self.vague = {
            _norm(v["phrase"]): _Vague(v["low"], v.get("needs_of", False)) for v in data["vague"]
        }
        self.fixed = {
            _norm(v["phrase"]): _Vague(v["value"], v.get("needs_of", False)) for v in data["fixed"]
        }
        self.keywords = self._keywords()
        self.starters = self._starters()
        self.pattern = self._pattern()

    def _keywords(self) -> frozenset[str]:
        """Words of which a sentence must hold one to hold a number in words ("dozens",
        "hundred" of "a few hundred", "couple" of "a couple")."""
        heads = {tokenize(phrase)[-1] for phrase in (*self.vague, *self.fixed)}
        return frozenset({*self.numbers, *self.ordinals, *heads})

    def _starters(self) -> frozenset[str]:
        """Tokens where a number can begin: number words, articles, "half", "'" of "'90s"."""
        firsts = {tokenize(p)[0] for p in (*self.vague, *self.fixed, *self.fractions)}
        return frozenset(self.keywords | self.articles | firsts | {"'", "’", "("})

    def _pattern(self) -> re.Pattern[str]:
        def alt(words: Any) -> str:
            ordered = [w.split() for w in sorted(words, key=lambda w: (-len(w), w))]
            body = "|".join(r"\s+".join(map(re.escape, parts)) for parts in ordered)
            # a lookahead for the phrases' first letters rejects most places at once (the
            # engine would try each phrase in turn); it holds wherever a phrase matches
            return f"(?=[{_first_letters(ordered)}])(?:{body})" if all(ordered) else body

        number_word = rf"(?:{alt(self.numbers)})\b"
        multiplier = rf"(?:{alt(self.multipliers)})\b"
        fraction = rf"(?:{alt(self.fractions)})\s+(?:(?:{alt(self.data['fraction_links'])})\s+)?"
        article = rf"(?:{alt(self.articles)})\s+"
        sequence = (
            rf"{number_word}(?:(?:\s*-\s*|\s+|\s+(?:{alt(self.and_words)})\s+){number_word})*"
        )
        scale = rf"(?:{_GROUP_SPACE}+(?:{alt(self.multipliers)})|(?:{alt(self.abbreviations)}))\b"
        ords = alt(self.data["ordinal_suffixes"])
        fiscal = "|".join(f"(?<={re.escape(p)})" for p in self.data["kinds"]["fiscal_prefixes"])
        decade = re.escape(self.data["decade_suffix"])
        start = r"(?<![\w])(?<!\d[.,])"
        parts = [
            r"(?P<time>(?<![\w.:])\d{1,2}:\d{2}(?![\d:]))",
            r"(?P<phone>(?<![\w(])\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\d))",
            rf"(?P<ordinal>{start}\d+(?:{ords})\b)",
            rf"(?P<decade>(?:{start}(?:\d\d)?|['’])\d0{decade}\b)",
            rf"(?P<fiscal>(?:{fiscal})\d{{2,4}}\b)",
            rf"(?P<numeral>{start}(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?![\d,])"
            rf"|\d+)(?:\.\d+)?)(?P<scale>{scale})?",
            rf"(?P<vague>\b(?:{alt(self.vague)})\b)",
            rf"(?P<fixed>\b(?:{alt(self.fixed)})\b)",
            rf"(?P<ordword>\b(?:(?:{alt(self.tens)})\s*-\s*)?(?:{alt(self.ordinals)})\b)",
            rf"(?P<words>\b(?:{fraction}(?={multiplier})|{article}(?={multiplier}))?{sequence})",
        ]
        return re.compile("|".join(parts), re.IGNORECASE)

    def may_hold_number(self, text: str, start: int, end: int) -> bool:
        """Cheap test: a digit or a number word somewhere in ``text[start:end]``."""
        piece = text[start:end]
        if (_ASCII_DIGIT if piece.isascii() else _ANY_DIGIT).search(piece):
            return True
        lowered = piece.lower()
        letters = _ASCII_LETTERS if lowered.isascii() else _LETTERS
        return not self.keywords.isdisjoint(letters.findall(lowered))


@cache
def lexicon(lang: str = "en") -> Lexicon:
    """The compiled number lexicon of one language (``resources/numbers.json``)."""
    data = load_json("numbers.json")
    if lang not in data:
        raise ValueError(f"numbers.json has no section for language {lang!r}; add one there")
    return Lexicon(data[lang])


def scan(text: str, tokens: Tokens, end: int, lex: Lexicon) -> list[Quantity]:
    """Every quantity in the tokens of ``text[:end]``, in order.

    The combined pattern is tried only where a token can start a number (a digit, a
    number word, an article), so a sentence costs one set lookup per token.
    """
    out: list[Quantity] = []
    reached = -1
    starters, match = lex.starters, lex.pattern.match
    for w, s in zip(tokens.words, tokens.starts, strict=True):
        if s < reached or not (w[0].isdigit() or w in starters):
            continue
        m = match(text, s, end)
        if m is not None:
            reached = m.end()
            out.extend(_quantities(m, text, lex))
    return out


def _quantities(m: re.Match[str], text: str, lex: Lexicon) -> list[Quantity]:
    digits = m.group("numeral")
    if digits is not None:
        return [_numeral(m, digits, lex)]
    kind = m.lastgroup or ""
    span = Span(m.start(kind), m.end(kind))
    surface = m.group(kind)
    if kind in ("vague", "fixed"):
        entry = (lex.vague if kind == "vague" else lex.fixed)[_norm(surface)]
        return [Quantity(span, entry.low, kind, needs_of=entry.needs_of)]
    if kind == "words":
        return _words(text, span, lex)
    if kind == "ordword":
        words = _LETTERS.findall(fold_case(surface))
        value = sum(lex.tens.get(w, 0) for w in words[:-1]) + lex.ordinals[words[-1]]
        return [Quantity(span, value, "ordinal")]
    digits = _DIGITS.findall(surface)
    if kind == "ordinal":
        return [Quantity(span, int(digits[0]), "ordinal")]
    if kind in ("decade", "fiscal"):
        value = int(digits[0])
        value += 0 if len(digits[0]) == 4 else 1900 if kind == "decade" else 2000
        return [Quantity(span, value, kind)]  # type: ignore[arg-type]
    return [Quantity(span, 0, kind)]  # type: ignore[arg-type]  # time, phone


def _numeral(m: re.Match[str], digits: str, lex: Lexicon) -> Quantity:
    plain = digits.isdigit()
    # bare digits have no separator to drop
    value = float(digits) if plain else float(_NOT_DIGIT.sub("", digits))
    scale = 1
    start, end = m.span("numeral")
    written = m.group("scale")
    if written:
        word = fold_case(written.strip())
        scale = lex.multipliers.get(word) or lex.abbreviations[word]
        value *= scale
        end = m.end("scale")
    return Quantity(Span(start, end), value, "numeral", scale, plain and scale == 1)


def _words(text: str, span: Span, lex: Lexicon) -> list[Quantity]:
    """Parse a run of number words; split it where the grammar of numbers breaks ("five six")."""
    words = [
        (fold_case(m.group()), m.start(), m.end())
        for m in _LETTERS.finditer(text, span.start, span.end)
    ]
    out: list[Quantity] = []
    i, base, first = 0, 1.0, None
    two = f"{words[0][0]} {words[1][0]}" if len(words) > 1 else ""
    if two in lex.fractions or words[0][0] in lex.fractions:
        base = lex.fractions[two] if two in lex.fractions else lex.fractions[words[0][0]]
        first, i = words[0][1], (2 if two in lex.fractions else 1)
        while i < len(words) and words[i][0] not in lex.numbers:
            i += 1  # the links: "half a million", "a quarter of a million"
    elif words[0][0] in lex.articles:
        first, i = words[0][1], 1
    total, group, last_end, prev = 0.0, 0.0, span.start, ""
    for word, w_start, w_end in words[i:]:
        if word in lex.and_words:
            if prev not in ("small", "large"):
                out.append(Quantity(Span(first, last_end), total + group, "words"))
                total, group, first, prev = 0.0, 0.0, None, ""
            continue
        value = lex.numbers[word]
        if word in lex.multipliers:
            factor = group or base
            if value < 1000:
                group, prev = factor * value, "small"
            else:
                total, group, prev = total + factor * value, 0.0, "large"
        else:
            if prev == "unit" or (prev == "tens" and value >= 10):
                out.append(Quantity(Span(first, last_end), total + group, "words"))
                total, group, first = 0.0, 0.0, None
            group += value
            prev = "tens" if word in lex.tens else "unit"
        base = 1.0
        first = w_start if first is None else first
        last_end = w_end
    if first is not None:
        out.append(Quantity(Span(first, last_end), total + group, "words"))
    return out


def _first_letters(phrases: list[list[str]]) -> str:
    """The first characters of phrases (as lists of words), as the inside of a class."""
    return "".join(sorted({re.escape(words[0][0]) for words in phrases}))


def _norm(phrase: str) -> str:
    return " ".join(fold_case(phrase).split())
