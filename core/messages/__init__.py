"""One catalogue of the program's messages, each with a stable code (pyxform's ``errors.py``).

A message is written once, in the area module that owns it (``core/messages/<area>.py``), as
``NAME = define("AREA.name", "模板 {field}", help="what to do")``. Code raises
``NAME.error(field=...)`` (a ``UserError`` carrying the code) or formats ``NAME.text(...)`` for a
finding. ``catalogue()`` gathers every area; ``docs/messages.md`` is generated from it
(``python scripts/messages_doc.py``) and a test keeps the two in step.
"""

from core.messages.base import Message, define, registered

__all__ = ["Message", "define", "registered"]
