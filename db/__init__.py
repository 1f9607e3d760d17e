"""Alembic migrations (env.py, versions/), shipped as ``clerk_app.db``."""
