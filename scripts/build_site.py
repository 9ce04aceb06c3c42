"""Strict build that replaces the output folder only when the whole build succeeded.

MkDocs cleans site/ before it renders, and --strict aborts only after writing: a failed build would
otherwise leave a half-written site. Here it builds into a sibling temp folder and swaps at the end.
`KB_UNIT` in the environment (`make build UNIT=…`) builds that unit's edition instead of the reference."""

from __future__ import annotations

import argparse
import contextlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@contextlib.contextmanager
def staged(out: Path):
    """Yields an empty sibling folder; `commit()` on the result swaps it in as `out`, else it is removed."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out.parent))

    def commit() -> None:
        old = out.with_name(out.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if out.exists():
            out.rename(old)
        staging.rename(out)
        shutil.rmtree(old, ignore_errors=True)

    try:
        yield staging, commit
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build(out: Path, config: Path = ROOT / "mkdocs.yml") -> int:
    with staged(out) as (staging, commit):
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                                 "-f", str(config), "-d", str(staging)], check=False)
        if result.returncode != 0:
            print(f"构建失败，{out} 保持原样。", file=sys.stderr)
            return result.returncode
        commit()
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.build_site",
                                     description="严格构建网站；全部成功后才替换输出目录（make build 调用它）。")
    parser.add_argument("out", nargs="?", default="site", help="输出目录，默认 site")
    return build(Path(parser.parse_args(argv).out))


if __name__ == "__main__":
    sys.exit(main())
