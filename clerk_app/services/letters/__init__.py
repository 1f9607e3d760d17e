"""Outgoing letters and their delivery."""
