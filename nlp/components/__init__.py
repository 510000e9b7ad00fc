"""Rule components of the event extractor: each takes spaCy spans, returns typed records."""
