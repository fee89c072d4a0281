"""Alembic's script folder: ``env.py`` and the revisions in ``versions/``, shipped in the package
so that opening a store upgrades it in place (:func:`salesplaybook.store.database.upgrade`)."""
