"""Cross-source plausibility of an incident's killed / injured figures.

An incident's toll must not be taken silently from one report that the others do not
support. A report's figure is *flagged* when

- the extractor flagged the mention for review (`EventMention.review`: its toll is above the
  deadliest attack on record or far above the article's other figures; it concerns `killed`)
  and no unflagged source gives a figure of its scale, between half and twice it (another
  outlet's 57 backs a funeral report's 60), or
- it is far above what the incident's other sources give: with at least two other figures,
  more than 3x their median, at least 10 above it, and more than twice the highest of them
  (a toll that several outlets report rising is supported by the outlet nearest to it).

The counted figure is reconciled from the unflagged reports when there are any (a flagged
figure at or below it changes nothing); otherwise from the flagged ones. The incident is under
review for a figure when a higher flagged figure was set aside, or when only flagged reports
give it; then `review` is set, `review_fields` / `review_notes` say which and why, and the
incident's confidence is halved. The set-aside reports stay in `sources` (marked `review`).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from khabar.core.records import EventMention

SCREENED: tuple[str, ...] = ("killed", "injured")
OUTLIER_RATIO = 3.0  # a figure over 3x the median of the other sources' figures ...
OUTLIER_MIN_OTHERS = 2  # ... when at least two other sources give one ...
OUTLIER_MIN_GAP = 10  # ... and at least 10 above it (small tolls rise in steps: 1 → 4)
REVIEW_CONFIDENCE_FACTOR = 0.5  # an incident whose figure is under review: confidence halved
EXTRACTION_FLAG = "flagged by extraction (above the deadliest attack on record or the article's other figures)"


def unsupported(value: int, others: Sequence[int]) -> bool:
    """A figure far above what the other sources give (see the module's docstring)."""
    if len(others) < OUTLIER_MIN_OTHERS:
        return False
    middle = statistics.median(others)
    return value > OUTLIER_RATIO * middle and value >= middle + OUTLIER_MIN_GAP and value > 2 * max(others)


def flagged_reports(members: Sequence[EventMention], figure: str) -> dict[str, str]:
    """Mention id → why its `figure` is not counted silently, for each flagged report."""
    given = [(m, getattr(m, figure)) for m in members if getattr(m, figure) is not None]
    by_extraction = {m.id for m, _ in given if figure == "killed" and m.review}
    reasons: dict[str, str] = {}
    for mention, value in given:
        others = [v for m, v in given if m.id != mention.id and m.id not in by_extraction]
        if mention.id in by_extraction:
            if not any(value <= 2 * v <= 4 * value for v in others):
                reasons[mention.id] = EXTRACTION_FLAG
        elif unsupported(value, others):
            reasons[mention.id] = f"over {OUTLIER_RATIO:g}x the median ({statistics.median(others):g}) of the other sources' figures"
    return reasons


@dataclass
class FigureReview:
    """The counted value of one figure and what was not counted silently."""

    figure: str
    value: int | None
    flagged: list[str] = field(default_factory=list)  # mention ids whose figure was set aside or is all there is
    notes: list[str] = field(default_factory=list)

    @property
    def under_review(self) -> bool:
        return bool(self.flagged)


def review_figure(
    members: Sequence[EventMention], figure: str, reconcile: Callable[[Sequence[EventMention]], int | None]
) -> FigureReview:
    """The counted `figure` (by `reconcile` over the preferred reports), with the reports under review."""
    reasons = flagged_reports(members, figure)
    given = [m for m in members if getattr(m, figure) is not None]
    clean = [m for m in given if m.id not in reasons]
    value = reconcile(clean or given)
    review = FigureReview(figure, value)
    for mention in given:
        if mention.id not in reasons:
            continue
        flagged_value = getattr(mention, figure)
        source = mention.outlet or mention.article_url or mention.article_id
        if not clean:
            review.flagged.append(mention.id)
            review.notes.append(f"{figure}: {flagged_value} from {source} is {reasons[mention.id]}; no other source gives one")
        elif value is not None and flagged_value > value:
            review.flagged.append(mention.id)
            review.notes.append(f"{figure}: {flagged_value} from {source} set aside, {reasons[mention.id]}; counted {value}")
    return review
