"""Khabar demo news site: three fictional Pakistani outlets, a gold file and a test HTTP server."""
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
SITE_DIR = DEMO_DIR / "site"
