"""The SQL engines Splink runs on: DuckDB on one machine, Spark for larger registries."""

from __future__ import annotations

import os
import shutil
from typing import Any

from lentera.linkage._errors import BackendUnavailable, InvalidInput

BACKENDS = ("duckdb", "spark")


def make_db_api(backend: str) -> Any:
    """A Splink database API for ``backend`` (``"duckdb"`` or ``"spark"``)."""
    if backend == "duckdb":
        from splink import DuckDBAPI

        return DuckDBAPI(":memory:")
    if backend == "spark":
        return _spark_api()
    raise InvalidInput(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")


def spark_session(app_name: str = "lentera-linkage") -> Any:
    """The active Spark session, or a new local one with Splink's similarity functions.

    ``LENTERA_SPARK_MASTER`` chooses the master (default ``local[*]``). Raises
    :class:`BackendUnavailable` when pyspark or Java is missing.
    """
    try:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location
    except ImportError:
        raise BackendUnavailable(
            "the spark backend needs pyspark (pip install 'lentera[spark]') and Java 17"
        ) from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise BackendUnavailable("the spark backend needs Java 17 (no java on PATH)")
    master = os.environ.get("LENTERA_SPARK_MASTER", "local[*]")
    builder = (
        SparkSession.builder.appName(app_name)
        .master(master)
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", os.environ.get("LENTERA_SPARK_PARTITIONS", "4"))
        .config("spark.default.parallelism", os.environ.get("LENTERA_SPARK_PARTITIONS", "4"))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.memory", os.environ.get("LENTERA_SPARK_DRIVER_MEMORY", "4g"))
    )
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # the JVM failing to start surfaces as many exception types
        raise BackendUnavailable(f"cannot start a local Spark: {exc}") from None
    session.sparkContext.setLogLevel("ERROR")
    checkpoint_dir = os.environ.get("LENTERA_SPARK_CHECKPOINT_DIR")
    if checkpoint_dir:
        session.sparkContext.setCheckpointDir(checkpoint_dir)
    return session


def _spark_api() -> Any:
    session = spark_session()
    from splink.backends.spark import SparkAPI

    api: Any = SparkAPI
    partitions = int(session.conf.get("spark.sql.shuffle.partitions", "4"))
    return api(
        spark_session=session,
        break_lineage_method="persist",
        num_partitions_on_repartition=partitions,
    )
