"""After recognition: the register of recognised clusters (docs/follow-up.md)."""
