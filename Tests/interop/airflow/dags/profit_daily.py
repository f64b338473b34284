"""The DAG of Tests/interop/test_airflow.py: `extract` succeeds, then `load_profit` fails (exit 3).

Its id is the job the seed config maps to pipeline `profit` (`airflow/profit_daily`).
"""

from __future__ import annotations

from datetime import datetime, timezone

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG

with DAG(
    dag_id="profit_daily",
    schedule=None,
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    default_args={"retries": 0},
):
    extract = BashOperator(task_id="extract", bash_command="echo extracting; sleep 1")
    load_profit = BashOperator(task_id="load_profit", bash_command="echo loading; exit 3")
    extract >> load_profit
