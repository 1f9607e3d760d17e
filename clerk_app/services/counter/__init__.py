"""What the counter (Punkt obsługi) works on during its day."""
