"""Analysts' corrections as labelled examples for the incident heads.

`khabar corrections export` writes one JSON line per (source article, corrected field):
`{text, title, field, value, incident_id, mention_id, ...}`. Two fields teach the heads:

- `event_type`: the article's lead is an incident of that type (type head, and relevant);
- `relevant: false` (a rejected incident): the article's lead is not an incident (relevance head).

Other corrected fields (tolls, group, district) are exported for the extractor's rules and
evaluation but do not train the heads. A deterministic fifth of the examples (by text hash) is
held out as dev, like every other labelled set, unless `dev_share` says otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from khabar.nlp.classify import IncidentClassifier
from khabar.tools.train import HEAD_TYPES, Example, _split_by_hash, lead_text

SOURCE = "correction"


def correction_text(line: dict[str, object]) -> str:
    """The text a correction labels: the article's title and lead, as the heads see a paragraph."""
    title = str(line.get("title") or "").strip()
    text = str(line.get("text") or "").strip()
    body = lead_text(text) if text else ""
    return f"{title}. {body}".strip(". ") if title and not body.startswith(title) else body or title


def load_corrections(path: Path, dev_share: float = 0.2) -> list[Example]:
    """Training examples from a corrections export (JSON Lines); one per article and label."""
    examples: list[Example] = []
    seen: set[tuple[str, str]] = set()
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from None
            field, value = line.get("field"), line.get("value")
            text = correction_text(line)
            if not text or (text, str(field)) in seen:
                continue
            split = _split_by_hash(text, dev_share)
            if field == "event_type" and value in HEAD_TYPES:
                examples.append(Example(text=text, source=SOURCE, split=split, relevant=1, types={str(value): 1.0},
                                        accept=frozenset({str(value)})))
            elif field == "relevant" and value is False:
                examples.append(Example(text=text, source=SOURCE, split=split, relevant=0))
            else:
                continue
            seen.add((text, str(field)))
    return examples


def evaluate_on_corrections(classifier: IncidentClassifier, examples: list[Example]) -> dict[str, float]:
    """How the current heads do on corrected texts: type accuracy and rejection (not-incident) accuracy."""
    typed = [ex for ex in examples if ex.relevant and ex.types]
    rejected = [ex for ex in examples if not ex.relevant]
    result: dict[str, float] = {"type_n": float(len(typed)), "rejected_n": float(len(rejected))}
    if typed:
        scores = classifier.event_type_scores([ex.text for ex in typed])
        hits = [max(s, key=lambda k: s[k]) in ex.accept for s, ex in zip(scores, typed, strict=True)]
        result["type_accuracy"] = float(np.mean(hits))
    if rejected:
        relevance = classifier.relevance([ex.text for ex in rejected])
        result["rejected_accuracy"] = float(np.mean([p < 0.5 for p in relevance]))
    return result
