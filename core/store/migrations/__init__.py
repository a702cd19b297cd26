"""Alembic migrations of the store, run programmatically by ``core.store.database``.

The scripts are located relative to this package, so they work from a checkout and from a frozen
build, provided the packager ships this folder's ``.py`` files as data (Alembic loads them by path).
"""
