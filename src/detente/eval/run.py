"""Run one gold set, or every set found under an evaluation root (``all``).

``evaluate(dataset, path, pipeline)`` is the library function behind
``detente eval``: it returns ``EvalResult`` records and never prints.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from . import conflibert, ngec, plover_gsr, probe, re3d
from .common import EvalResult, timed

Evaluator = Callable[..., EvalResult]
# Data set name -> (evaluator, folder name under the evaluation root).
DATASETS: dict[str, tuple[Evaluator, str]] = {
    plover_gsr.NAME: (plover_gsr.evaluate, "plover-gsr"),
    conflibert.NAME: (conflibert.evaluate, "conflibert-cameo"),
    re3d.NAME: (re3d.evaluate, "re3d"),
    ngec.NAME: (ngec.evaluate, "ngec-actor-resolution"),
    probe.NAME: (probe.evaluate, "probe-dev"),
}


def evaluate(dataset: str, path: Path, pipeline: Any, *, limit: int | None = None) -> list[EvalResult]:
    """Score detente on ``dataset`` (a name of ``DATASETS`` or ``all``) read from ``path``.

    Args:
        dataset: ``plover-gsr``, ``conflibert-cameo``, ``re3d``, ``ngec-actors``, ``probe`` or ``all``.
        path: the set's folder or file; for ``all``, the evaluation root holding the sets' folders.
        pipeline: a loaded ``Pipeline``, shared by every set.
        limit: score only the first ``limit`` rows of each set.

    Returns:
        One result per set scored (for ``all``: every set whose folder exists).

    Raises:
        ConfigError: unknown data set, or ``all`` found no set folder.
        InputError: a gold file is missing or malformed.
    """
    if dataset == "all":
        chosen = [(name, path / folder) for name, (_, folder) in DATASETS.items() if (path / folder).is_dir()]
        if not chosen:
            folders = ", ".join(folder for _, folder in DATASETS.values())
            raise ConfigError(f"no data set folder ({folders}) under {path}; give the evaluation root")
    elif dataset in DATASETS:
        chosen = [(dataset, path)]
    else:
        raise ConfigError(f"unknown data set {dataset!r}; choose one of {', '.join(DATASETS)} or all")
    return [timed(DATASETS[name][0], set_path, pipeline, limit=limit) for name, set_path in chosen]
