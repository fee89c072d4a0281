"""The assessment history: saved scorecards (every revision), hand-entered indicator values and
who may see which team, in SQLite by default or in a shared PostgreSQL database.

It stores what :mod:`salesplaybook.kpi` computes and hands back DataFrames; the trends and
alerts over them are :mod:`salesplaybook.tools.history`'s, their display the views'. SQLAlchemy
Core, with the schema moved forward by the Alembic migrations shipped in
:mod:`.migrations`, so an upgrade of the package never loses a saved quarter.
"""
