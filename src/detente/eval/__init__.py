"""Evaluation against gold data sets: ``detente eval DATASET PATH``.

Consumes gold files (see ``../shared/eval/*/SOURCE.txt``) and a loaded
``Pipeline``; produces ``EvalResult`` records (figures, a per-category table,
errors).  Scoring lives in pure functions in ``metrics``; each data set has
one module (``plover_gsr``, ``conflibert``, ``re3d``, ``ngec``) exposing
``evaluate(path, pipeline, *, limit=None)``; ``run.evaluate`` dispatches by name.
"""
