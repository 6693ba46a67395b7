"""Scale-out ingest: the pipeline's stages on a Dask cluster, via Parquet partitions.

``newsgraph ingest --engine dask [--scheduler tcp://HOST:8786] PATH...`` calls
:func:`ingest_dask`; see docs/scale.md for running a cluster.
"""

from newsgraph.scale.dask_engine import DaskIngestReport, PartitionSummary, ingest_dask

__all__ = ["DaskIngestReport", "PartitionSummary", "ingest_dask"]
