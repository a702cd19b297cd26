"""The PySide6 desktop GUI of 集群申报助手: thin views over ``core`` (see docs/gui.md)."""
