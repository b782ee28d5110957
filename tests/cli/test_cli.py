import subprocess
import sys

from lentera.cli import main


def test_help_lists_subcommands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in ("serve", "demo", "qualify", "screen", "link"):
        assert name in out


def test_unknown_command_exits_2(capsys):
    assert main(["nonsense"]) == 2
    assert "unknown command" in capsys.readouterr().err


def test_console_script_runs_manage():
    result = subprocess.run(
        [sys.executable, "-m", "lentera.cli", "manage", "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
