"""Retention of personal data: the review of cases past their period and anonymisation."""
