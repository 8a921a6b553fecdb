"""Execution engines for the ingest job.  The in-process engine is ``detente.jobs.ingest``; the Ray engine
(``ray_engine``, an optional extra) runs the same stage code on Ray actor workers.  No stage imports an engine."""
