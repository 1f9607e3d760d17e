"""Deposit-instalment petitions (procedure card BGM.1611.8.2023)."""
