"""集群申报助手 — the headless core: form, rules, storage, printing, Excel, packages.

Nothing under ``core`` imports Qt; the desktop GUI is a thin view over it.
"""

__version__ = "0.1.0"
