"""``--dask``: which cluster command runs (the CLI hands over here, before its own batch)."""
from __future__ import annotations


def run(args) -> int:
    if args.command == "check":
        from .check import cmd_check_cluster

        return cmd_check_cluster(args)
    from .export import cmd_export_cluster

    return cmd_export_cluster(args)
