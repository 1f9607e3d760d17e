"""IOK account requests and the migration of old portal accounts (ZGM)."""
