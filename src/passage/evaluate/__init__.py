"""Score extraction against the gold annotations, and gate quality on floors.

``evaluate(paths)`` runs clean + extract on every gold text and returns an
:class:`EvalReport`; ``score(gold, predicted)`` scores events already extracted
(for example a ``passage extract`` output read with ``load_predictions``).
"""

from passage.evaluate.floors import (
    Floors,
    FloorsError,
    FloorsUpdate,
    check_floors,
    floor_metrics,
    update_floors,
)
from passage.evaluate.gold import (
    GoldDocument,
    GoldError,
    GoldEvent,
    gold_digest,
    load_gold,
    load_predictions,
    locate_evidence,
)
from passage.evaluate.report import Counts, DocumentErrors, EvalReport, Miss, SlotScore
from passage.evaluate.scoring import evaluate, score, split_sentences

__all__ = [
    "Counts",
    "DocumentErrors",
    "EvalReport",
    "Floors",
    "FloorsError",
    "FloorsUpdate",
    "GoldDocument",
    "GoldError",
    "GoldEvent",
    "Miss",
    "SlotScore",
    "check_floors",
    "evaluate",
    "floor_metrics",
    "gold_digest",
    "load_gold",
    "load_predictions",
    "locate_evidence",
    "score",
    "split_sentences",
    "update_floors",
]
