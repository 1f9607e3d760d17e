"""Windows of the deposit-instalment procedure (petition, checklist, statement, decision,
agreement)."""
