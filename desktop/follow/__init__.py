"""The GUI of the follow-up after recognition: reminders on the start page and a page per recognised
cluster. Everything shown is computed by core.follow; these widgets only display and ask."""
