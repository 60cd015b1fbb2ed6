"""The warehouse tests' harness for what Node cannot run itself (docs/warehouse.md, "How it is tested").

    python run.py spark JOB.json     local Spark: for each case of the job, its tables as temporary
                                     views (every value text, row_order a number), the script's
                                     statements in order, the last SELECT's rows written as CSV
    python run.py parse-tsql FILE... sqlglot's T-SQL parser, raising on any error, over each script

Prints one line per case or file, "ok ..." or "error ...: why"; exits 1 if any failed, 3 where the
tool itself is missing (pyspark, sqlglot, Java), so that the test can say why it skipped.
"""
import csv
import tempfile
import json
import re
import sys


def statements(script):
    """A script's statements: each ends with ';' at a line's end (sql-script.ts); comment lines dropped."""
    parts = re.split(r";\n", script)
    cleaned = []
    for part in parts:
        lines = [line for line in part.split("\n") if not line.startswith("--")]
        text = "\n".join(lines).strip()
        if text:
            cleaned.append(text)
    return cleaned


def why(error):
    """The line of an error that says why (a Py4J error's first line only names the call)."""
    import traceback
    if __import__("os").environ.get("PREPOST_SPARK_TRACE"):
        traceback.print_exception(error, file=sys.stderr)
    java = getattr(error, "java_exception", None)
    text = f"{error}\n{java.toString()}" if java is not None else str(error)
    cause = getattr(error, "__cause__", None)
    if cause is not None and getattr(cause, "java_exception", None) is not None:
        text += "\n" + cause.java_exception.toString()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if "Exception" in line or line.startswith("["):
            return line[:400]
    return lines[0] if lines else repr(error)


def run_spark(job_path):
    try:
        from pyspark.sql import SparkSession
        from pyspark.sql.types import LongType, StringType, StructField, StructType
    except ImportError as error:
        print(f"missing pyspark: {error}")
        return 3
    try:
        spark = (
            SparkSession.builder.master("local[1]")
            .appName("prepost-warehouse-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.memory", "2g")
            .config("spark.sql.warehouse.dir", tempfile.mkdtemp(prefix="prepost-spark-"))
            .config("spark.sql.shuffle.partitions", "1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate()
        )
    except Exception as error:  # Java missing, or Spark cannot start here
        print(f"spark cannot start: {error}")
        return 3
    spark.sparkContext.setLogLevel("ERROR")
    with open(job_path, encoding="utf-8") as handle:
        job = json.load(handle)
    failed = 0
    for case in job["cases"]:
        try:
            for table in case["tables"]:
                numeric = set(table.get("numeric", []))
                schema = StructType([StructField(c, LongType() if c in numeric else StringType(), True) for c in table["columns"]])
                rows = [tuple(int(v) if table["columns"][i] in numeric else v for i, v in enumerate(row)) for row in table["rows"]]
                spark.createDataFrame(rows, schema).createOrReplaceTempView(table["name"])
            result = None
            for statement in statements(case["script"]):
                try:
                    started = __import__("time").time()
                    frame = spark.sql(statement)
                    if __import__("os").environ.get("PREPOST_SPARK_TRACE"):
                        print(f"{__import__('time').time() - started:.1f}s {statement[:60]!r}", file=sys.stderr)
                except Exception as error:
                    raise RuntimeError(f"{why(error)} in: {statement[:120]!r}") from error
                if re.match(r"(?i)^select", statement):
                    result = frame
            if result is None:
                raise RuntimeError("the script has no result")
            with open(case["out"], "w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out, lineterminator="\n")
                writer.writerow(result.columns)
                for row in result.collect():
                    writer.writerow(["" if v is None else v for v in row])
            print(f"ok {case['label']}")
        except Exception as error:
            failed += 1
            print(f"error {case['label']}: {why(error)}")
        finally:
            for table in case["tables"]:
                spark.catalog.dropTempView(table["name"])
            # The one table the script leaves (its result), as the next run would replace it.
            spark.sql("DROP TABLE IF EXISTS pp_returned")
    spark.stop()
    return 1 if failed else 0


IF_DROP = re.compile(r"^IF OBJECT_ID\('tempdb\.\.(#\w+)'\) IS NOT NULL (DROP TABLE \1)$")


def parse_tsql(paths):
    """Each statement parsed on its own, so that one sqlglot cannot read whole (an IF, which it reads
    as a block to the end) does not hide the rest; a statement it keeps only as an opaque Command is
    a failure too, since that is sqlglot giving up."""
    try:
        import sqlglot
        from sqlglot import exp
        from sqlglot.errors import ErrorLevel
    except ImportError as error:
        print(f"missing sqlglot: {error}")
        return 3
    failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            script = handle.read()
        count = 0
        try:
            for statement in statements(script):
                guarded = IF_DROP.match(statement)
                # T-SQL's IF guard around a DROP: its own shape checked here, the DROP parsed.
                text = guarded.group(2) if guarded else statement
                parsed = sqlglot.parse(text, read="tsql", error_level=ErrorLevel.RAISE)
                for expression in parsed:
                    if isinstance(expression, exp.Command) and not text.upper().startswith("SET NOCOUNT"):
                        raise ValueError(f"sqlglot kept it unparsed: {text[:100]!r}")
                count += 1
            print(f"ok {path}: {count} statements")
        except Exception as error:
            failed += 1
            print(f"error {path}: {str(error).splitlines()[0]}")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    mode = sys.argv[1]
    sys.exit(run_spark(sys.argv[2]) if mode == "spark" else parse_tsql(sys.argv[2:]))
