"""What an application takes from its rule set: a new, empty application for a rule set's
campaign, and the form's printed title in the rule set's jurisdiction.

These live with the rules, not in ``core.application``, so that the application model does not
import the rules package (which imports the model): the two stay one-way.
"""

from __future__ import annotations

from datetime import datetime

from core.application import Application
from core.errors import UserError
from core.rules.loader import load_ruleset


def new_application(rules_id: str) -> Application:
    """An empty application for the campaign of a rule set."""
    rs = load_ruleset(rules_id)
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    return Application(
        form=rs.form,
        campaign=rs.campaign,
        jurisdiction=rs.jurisdiction,
        rules=rs.id,
        created=now,
        changed=now,
    )


def form_title(app: Application) -> str:
    """The form's printed title for this application's jurisdiction (Hainan and Guangzhou use the
    Shanghai form under their own name until their own forms are added as data)."""
    try:
        return load_ruleset(app.rules).form_title or app.form_def.title
    except UserError:
        return app.form_def.title
