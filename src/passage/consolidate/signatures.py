"""MinHash signatures of a document's clean body text (word 5-grams, normalised)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from passage.consolidate.records import DocSignature

# Five words are long enough that two independent reports share few of them, short
# enough that a light edit (a changed word, a new headline) spoils few.
SHINGLE_WORDS = 5
# 128 permutations estimate a Jaccard similarity of 0.5 within about +-0.045.
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
SCHEME_NAME = f"{SCHEME}/{NUM_PERM}/{SEED}"
# Two bodies sharing at least half their 5-grams tell one story in one wording: a
# syndicated copy with a new headline and clutter keeps ~0.8-1.0, an updated version
# 0.5-0.9, while independent reports of the same fact share well under 0.2
# (measured by passage.consolidate.measure on the scenarios and on gold copies).
DUPLICATE_THRESHOLD = 0.5

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Normalised words: NFKC, case-folded, punctuation and spacing ignored."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The distinct word ``size``-grams of ``text`` (the whole text when shorter)."""
    tokens = words(text)
    if not tokens:
        return set()
    if len(tokens) < size:
        return {" ".join(tokens)}
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


@cache
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def _empty_minhash() -> MinHash:
    """A fresh MinHash sharing one set of permutations (building them is the slow part)."""
    fresh = _template().copy()
    fresh.clear()
    return fresh


def signature(doc_id: str, body: str) -> DocSignature:
    """The signature of a document's body text (blocks of kind ``body``, joined)."""
    grams = shingles(body)
    body_hash = hashlib.sha256(" ".join(words(body)).encode("utf-8")).hexdigest()[:16]
    if not grams:
        return DocSignature(doc_id, None, body_hash, 0)
    mh = _empty_minhash()
    mh.update_batch(sorted(g.encode("utf-8") for g in grams))
    values = np.asarray(mh.hashvalues, dtype="<u8").tobytes()
    return DocSignature(doc_id, values, body_hash, len(grams))


def _values(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8")


def similarity(a: bytes | None, b: bytes | None) -> float:
    """Estimated Jaccard similarity of two signatures (0 when either is missing)."""
    if a is None or b is None:
        return 0.0
    return float(np.count_nonzero(_values(a) == _values(b))) / NUM_PERM


def lsh_index(signatures: list[DocSignature]) -> MinHashLSH:
    """An in-memory LSH index over stored signatures (documents without text are left out)."""
    lsh = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for sig in signatures:
            if sig.hashvalues is not None:
                session.insert(sig.doc_id, _lean(sig.hashvalues), check_duplication=False)
    return lsh


def candidates(lsh: MinHashLSH, sig: DocSignature) -> list[str]:
    """Documents whose signatures collide with ``sig`` in at least one LSH band."""
    if sig.hashvalues is None:
        return []
    return sorted(lsh.query(_lean(sig.hashvalues)))


def _lean(blob: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=_values(blob).astype(np.uint64), scheme=SCHEME)
