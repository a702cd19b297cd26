"""Stored UTC times are shown in the office's local time."""

import time

import pytest

from core.timefmt import local_time


@pytest.fixture
def shanghai(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_utc_is_shown_as_local_time(shanghai):
    assert local_time("2023-05-08T08:30:00+00:00") == "2023-05-08 16:30"
    assert local_time("2023-05-08T08:30:05+00:00", seconds=True) == "2023-05-08 16:30:05"


def test_blank_and_odd_values():
    assert local_time(None) == "" and local_time("") == ""
    assert local_time("昨天") == "昨天"
