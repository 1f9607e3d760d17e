"""Issue 10 work."""
