"""RODO: what is held about a person (art. 15)."""
