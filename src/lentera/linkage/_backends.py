"""The SQL engines Splink runs on: DuckDB on one machine, Spark for larger registries."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from typing import Any

import pandas as pd

from lentera.linkage._errors import BackendUnavailable, InvalidInput

BACKENDS = ("duckdb", "spark")


#: DuckDB's memory limit unless ``LENTERA_DUCKDB_MEMORY`` says otherwise: beyond it DuckDB
#: spills to a temporary folder instead of growing (its own default is 80% of the machine).
DUCKDB_MEMORY = "1.5GB"


def make_db_api(backend: str) -> Any:
    """A Splink database API for ``backend`` (``"duckdb"`` or ``"spark"``)."""
    if backend == "duckdb":
        import duckdb
        from splink import DuckDBAPI

        connection = duckdb.connect(":memory:")
        limit = os.environ.get("LENTERA_DUCKDB_MEMORY", DUCKDB_MEMORY)
        connection.execute("SET memory_limit = ?", [limit])
        spill = tempfile.mkdtemp(prefix="lentera-duckdb-")
        connection.execute("SET temp_directory = ?", [spill])
        api: Any = DuckDBAPI(connection)
        api._lentera_spill_dir = spill
        return api
    if backend == "spark":
        return _spark_api()
    raise InvalidInput(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")


def _duckdb_connection(db_api: Any) -> Any:
    """The DuckDB connection of a DuckDB API, None for another backend."""
    from splink import DuckDBAPI

    return db_api.duckdb_con if isinstance(db_api, DuckDBAPI) else None


def load_frame(db_api: Any, frame: Any, name: str) -> Any:
    """Put the prepared records (a pandas frame or an Arrow table) into the backend and
    return Splink's handle on them.

    On DuckDB the records is copied into a table of DuckDB's own (compact, and within its
    memory limit), so that the caller can let the pandas frame go before pairs are scored.
    """
    duckdb_con = _duckdb_connection(db_api)
    if duckdb_con is None:
        if not isinstance(frame, pd.DataFrame):
            from lentera.linkage._prepare import table_to_frame

            frame = table_to_frame(frame)
        return db_api.register(frame, dataset_display_name=name)
    duckdb_con.register(f"{name}_frame", frame)
    duckdb_con.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_frame")  # noqa: S608
    duckdb_con.unregister(f"{name}_frame")
    return db_api.register(name, dataset_display_name=name)


def close(db_api: Any) -> None:
    """Release what :func:`make_db_api` made for a run (DuckDB's connection, spill folder)."""
    duckdb_con = _duckdb_connection(db_api)
    if duckdb_con is not None:
        with contextlib.suppress(Exception):
            duckdb_con.close()
    spill = getattr(db_api, "_lentera_spill_dir", None)
    if spill:
        shutil.rmtree(spill, ignore_errors=True)


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
