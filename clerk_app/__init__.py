"""clerk_app: case management for the housing clerks of Piekary Śląskie."""

__version__ = "0.1.0"
