"""Accounts, sign-in, office settings, first start and the audit trail."""
