"""``lentera worker``: run the background tasks (linkage runs, deadline notifications, the
recovery of tasks whose worker died) from the database queue, with the periodic schedule.

Stop it with SIGTERM or Ctrl-C: it finishes the task it is running, then exits (a second signal
stops the task; the recovery then retries or fails it visibly). ``--batch`` runs what is queued
and exits, for tests and one-off use.
"""

from __future__ import annotations

import os
import signal
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from lentera.apps.ops.queue import inline
from lentera.apps.ops.worker import LenteraWorker, new_worker_id

SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]


class Command(DbWorkerCommand):
    help = "Run Lentera's background tasks and its periodic schedule (stop with SIGTERM)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Do not enqueue the periodic jobs of LENTERA_SCHEDULE from this worker.",
        )
        parser.set_defaults(worker_id=new_worker_id(), reload=False)

    def handle(self, *args: Any, **options: Any) -> None:
        if inline():
            raise CommandError(
                "LENTERA_TASKS_INLINE=1: tasks run in the web process; no worker is needed"
            )
        self.configure_logging(options["verbosity"])
        batch, reload = options["batch"], options["reload"] and not options["batch"]
        queues = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queues:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = LenteraWorker(
            schedule=options["schedule"],
            queue_names=queues,
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"] and not batch,
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
            return
        # restore the caller's handlers afterwards (a test runs the worker in its own process)
        previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
        worker.configure_signals()
        try:
            worker.run()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
