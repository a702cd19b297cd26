"""The one hook of the follow-up on the start page: the reminders panel above the application list,
opening a cluster's page on request."""

from __future__ import annotations


def add_reminders(view, layout) -> None:
    """Put the reminders panel into the application list ``view`` (its QVBoxLayout ``layout``)."""
    from desktop.follow.cluster_page import ClusterPage
    from desktop.follow.reminders_panel import RemindersPanel

    panel = RemindersPanel(view.store, view)
    view.reminders = panel

    def open_cluster(app_id: str) -> None:
        page = ClusterPage(view.store, app_id, view, today=panel.today)
        view.cluster_page = page  # kept, so tests and the window can reach it
        page.show()

    panel.open_cluster.connect(open_cluster)
    view.ops.changed.connect(lambda _changes: panel.refresh())  # an import, a restore …
    layout.addWidget(panel)
