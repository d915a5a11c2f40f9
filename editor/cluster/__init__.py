"""Batch export and check on a Dask cluster, resumable: ``export … --dask ADDRESS|local:N``
and ``check --format jsonl --dask …``.

The page → tree → bytes work is the same as on one machine (:func:`editor.export.export_page`,
:func:`editor.check.flags_of`); here it runs as Dask tasks of a few pages each, pages are
read and written through fsspec (folders, globs, ``s3://…``, ``gs://…``: whatever the
environment's fsspec supports), and a manifest in DEST says which pages are done so that a
rerun goes on where the last one stopped.

- :mod:`.storage` — sources, outputs and atomic writes through fsspec; a URL's page as a
  local copy for the readers table
- :mod:`.plan` — which files are pages and how many pages each holds (asked of the
  workers), named as ``export`` names them
- :mod:`.manifest` — the JSON-lines manifest: read, and appended by the client
- :mod:`.engine` — the client: connect or start a LocalCluster, run chunks of pages with a
  bounded number in flight, split a chunk whose worker died
- :mod:`.export`, :mod:`.check` — the two commands

Dask (``distributed``) and fsspec are an optional extra (``pip install '.[cluster]'``);
:func:`missing` says what to install when they are not there.
"""
from __future__ import annotations

import importlib.util

from ..i18n import Message, _


def missing() -> Message | None:
    """Why ``--dask`` cannot run here (what to install), or None."""
    absent = [name for name in ("dask", "distributed", "fsspec") if importlib.util.find_spec(name) is None]
    if not absent:
        return None
    return _("--dask needs {packages}, which are not installed: {command}", packages=", ".join(absent),
             command="pip install 'dask[distributed]' fsspec")
