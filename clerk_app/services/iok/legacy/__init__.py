"""The migration of old Portal Mieszkańców / e-Faktura accounts to IOK (issue 10, point 7):
import, consent batches, returned forms, progress."""
