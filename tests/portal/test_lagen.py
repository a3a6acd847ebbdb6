"""The floors: the import-linter layers contract in pyproject.toml ([tool.importlinter])
holds, covers every app, and breaks on an upward import, also one inside a function
or in a migration. `scripts/test-stack.sh` runs `lint-imports` as a check as well."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from django.conf import settings

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
(LAGEN,) = [c for c in CONFIG["contracts"] if c["type"] == "layers"]


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    """`lint-imports` in `cwd`, which holds the packages and pyproject.toml."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command; "
            "sys.exit(lint_imports_command())",
            "--no-cache",
            "--no-logo",
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_code_keeps_to_its_floors():
    resultaat = lint_imports(ROOT)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "1 kept, 0 broken" in resultaat.stdout


def test_every_app_has_exactly_one_floor():
    """A new app must be given a floor: the contract's packages are the project's own
    apps and the roof, each on one layer."""
    eigen_apps = {
        app.split(".")[0]
        for app in settings.INSTALLED_APPS
        if (ROOT / app.split(".")[0] / "__init__.py").exists()
    }
    assert set(CONFIG["root_packages"]) == eigen_apps | {"plpv_portal"}
    op_een_laag = [naam.strip() for laag in LAGEN["layers"] for naam in laag.split("|")]
    assert sorted(op_een_laag) == sorted(CONFIG["root_packages"])


def kopie(tmp_path: Path) -> Path:
    """The project's Python packages and its pyproject.toml, copied to `tmp_path`."""
    for naam in CONFIG["root_packages"]:
        shutil.copytree(
            ROOT / naam,
            tmp_path / naam,
            ignore=lambda pad, namen: (
                [
                    n
                    for n in namen
                    if not n.endswith(".py") and not (Path(pad) / n).is_dir()
                ]
                + ["__pycache__"]
            ),
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.parametrize(
    ("bestand", "regels", "melding"),
    [
        # Inside a function, as `volgende_stap` once imported verklaringen.
        (
            "trajecten/selectors.py",
            "\n\ndef _omhoog():\n    from verklaringen.constants import BorgingStatus\n"
            "\n    return BorgingStatus\n",
            "trajecten is not allowed to import verklaringen",
        ),
        # In a migration, as core's 0002 once imported meldingen.
        (
            "core/migrations/0001_initial.py",
            "\nfrom meldingen.herinneringen import regels  # noqa: F401\n",
            "core is not allowed to import meldingen",
        ),
        # Between siblings on one floor.
        (
            "kandidaten/selectors.py",
            "\nfrom leerbedrijven.models import Leerbedrijf  # noqa: F401\n",
            "kandidaten is not allowed to import leerbedrijven",
        ),
    ],
)
def test_an_upward_import_breaks_the_contract(tmp_path, bestand, regels, melding):
    project = kopie(tmp_path)
    with (project / bestand).open("a") as f:
        f.write(regels)
    resultaat = lint_imports(project)
    assert resultaat.returncode == 1, resultaat.stdout + resultaat.stderr
    assert melding in resultaat.stdout
    assert "0 kept, 1 broken" in resultaat.stdout
