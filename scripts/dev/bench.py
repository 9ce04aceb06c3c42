"""`make bench`: every benchmark of the project, one after another. Figures are printed, never asserted."""

from __future__ import annotations

from scripts.dev import bench_generator, bench_packs, bench_search


def main() -> None:
    bench_search.main()
    bench_generator.main(["--checklists", "1000"])
    bench_packs.main(["1000"])


if __name__ == "__main__":
    main()
