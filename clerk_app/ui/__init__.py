"""The PySide6 desktop interface (the only package that may import Qt)."""
