"""The review desk's window (评审台): the register, intake from a folder, the 初审 editor, the
compare/rank table and the export of the outgoing package. Every decision is core/desk's; these
views only show and ask (see core/desk/__init__.py for the API)."""
