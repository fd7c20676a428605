"""The shared types: a span is an immutable, ordered, validated range of code points."""

from __future__ import annotations

import pytest

from passage.model import Block, Span


def test_a_span_is_validated_ordered_and_immutable() -> None:
    with pytest.raises(ValueError, match="invalid span"):
        Span(5, 2)
    with pytest.raises(ValueError, match="invalid span"):
        Span(-1, 2)
    assert sorted([Span(3, 4), Span(1, 9), Span(1, 2)]) == [Span(1, 2), Span(1, 9), Span(3, 4)]
    assert Span(1, 2) == Span(1, 2) and len({Span(1, 2), Span(1, 2)}) == 1
    with pytest.raises(AttributeError):
        Span(1, 2).start = 0  # type: ignore[misc]
    span = Span(4, 9)
    assert span.of("The deportations began.") == "depor"
    assert span.overlaps(Span(8, 12)) and not span.overlaps(Span(9, 12))
    assert span.to_list() == [4, 9] and repr(span) == "Span(start=4, end=9)"


def test_a_block_is_an_immutable_run_with_its_span() -> None:
    block = Block(3, 10, "caption", "credit")
    assert block.span == Span(3, 10) and block.kind == "caption" and block.reason == "credit"
    assert Block(0, 2, "body").reason is None
    with pytest.raises(AttributeError):
        block.kind = "body"  # type: ignore[misc]
