"""Strict build that replaces the output folder only when the whole build succeeded.

MkDocs cleans site/ before it renders, and --strict aborts only after writing: a failed build would
otherwise leave a half-written site. Here it builds into a sibling temp folder and swaps at the end."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(out: Path, config: Path = ROOT / "mkdocs.yml") -> int:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out.parent))
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                                 "-f", str(config), "-d", str(staging)], check=False)
        if result.returncode != 0:
            print(f"构建失败，{out} 保持原样。", file=sys.stderr)
            return result.returncode
        old = out.with_name(out.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if out.exists():
            out.rename(old)
        staging.rename(out)
        shutil.rmtree(old, ignore_errors=True)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
