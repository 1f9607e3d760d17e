"""Registering incoming items at the counter: validation, scans, duplicates."""
