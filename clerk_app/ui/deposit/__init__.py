"""Windows of the deposit-instalment procedure (petition, checklist, decision, agreement)."""
