"""jiaodui 校对: ``python main.py [PAGE]`` opens the window; ``python main.py parse|check|export …`` runs the CLI."""
import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("parse", "check", "export", "-h", "--help"):
        from editor.cli import main as cli_main

        return cli_main(argv)
    from editor.display import display_problem

    problem = display_problem()  # no display here: one clear line, not Qt's abort
    if problem is not None:
        print(f"jiaodui: {problem}", file=sys.stderr)
        return 2
    from widgets.app import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
