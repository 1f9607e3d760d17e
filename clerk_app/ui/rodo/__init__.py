"""RODO windows: what is held about a person (art. 15)."""
