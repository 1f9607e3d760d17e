"""Deadlines of a case, days off, the dashboard lists and the report."""
