"""The bundled sample: five real reports of a November 2024 ambush in Mali (and a July 2024 battle).

Shipped as package data so `crosscheck` with no PATH works after a plain `pip install .`.
"""
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent / "articles"
