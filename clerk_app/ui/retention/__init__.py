"""The retention review window (supervisors)."""
