"""Language identification: the one detector every part of Khabar uses (py3langid's shipped model)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 3000
UNSURE_BELOW = 0.5  # a top language below this probability is a guess, not a decision
RUNNERS_UP = 3


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """py3langid's model with normalised probabilities (loaded once)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of the text's language; (None, 0.0) for text without letters."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    code, prob = _identifier().classify(sample)
    return str(code), float(prob)


def is_english(text: str) -> bool:
    """True when the text is English, or when the model is unsure and English is among its first guesses.

    Short notes ("BLF militants fired a rocket at a check post near Turbat. Casualties unknown.")
    carry few features; the model's top guess for them is often a near neighbour, so an unsure
    decision keeps English when it ranks in the first `RUNNERS_UP`.
    """
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return False
    ranked = _identifier().rank(sample)
    top, prob = ranked[0]
    if top == "en":
        return True
    return prob < UNSURE_BELOW and any(code == "en" for code, _ in ranked[:RUNNERS_UP])
