"""The ``lentera`` console command.

Subcommands backed by a pure core (``qualify``, ``screen``, ``link``) never start Django, so they
stay fast for batch use; the others (``serve``, ``worker``, ``backup``, ``demo``, ``manage``...)
run inside the Django project. Each subcommand module exposes ``main(argv: list[str]) -> int``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": (
        "lentera.config.commands",
        "migrate and serve on 127.0.0.1:8000 (gunicorn and the worker; --dev: Django's server)",
    ),
    "worker": ("lentera.config.commands", "run the background tasks and the periodic schedule"),
    "backup": ("lentera.config.commands", "write a backup archive (--keys: export the keys)"),
    "restore": ("lentera.config.commands", "restore a backup archive onto an empty installation"),
    "demo": ("lentera.config.commands", "load the fictional Kupang/Pontianak demo data"),
    "manage": ("lentera.config.commands", "run a Django management command"),
    "export": ("lentera.config.commands", "export the case list as CSV, without identities"),
    "qualify": ("lentera.law.cli", "qualify case facts under UU 21/2007 / KUHP 2023 (JSON Lines)"),
    "screen": ("lentera.screening.cli", "screen job offers or departures (JSON Lines)"),
    "link": ("lentera.linkage.cli", "link person records across CSV registers"),
}

USAGE = "usage: lentera <command> [options]\n\ncommands:\n" + "\n".join(
    f"  {name:<9} {text}" for name, (_module, text) in COMMANDS.items()
)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0
    name, rest = args[0], args[1:]
    if name not in COMMANDS:
        print(f"lentera: unknown command {name!r}\n\n{USAGE}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    if module.__name__ == "lentera.config.commands":
        return int(module.run(name, rest))
    return int(module.main(rest))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
