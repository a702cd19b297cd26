"""The headless command line: ``cluster-declare <command>``."""
