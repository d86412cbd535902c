"""Where `process_batch` runs: in this process, in a local process pool (`--jobs N`), or on Dask (`--engine dask`).

Every engine takes batches of ingested articles and yields each batch's results in input order, so the outputs
do not depend on the engine or the number of workers. At most `window` batches are in flight at once: memory
stays flat however large the corpus, and ingest (in this process) overlaps with processing (in the workers).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from pipeline.process import ArticleResult, load_worker, process_batch

log = logging.getLogger("disease_profiles")
Batch = list  # list[Article]


def ordered_results(submit: Callable, batches: Iterable[Batch], window: int) -> Iterator[list[ArticleResult]]:
    """Submit batches through `submit(batch) -> future` keeping `window` in flight; yield results in order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class SerialEngine:
    name = "serial"
    workers = 1

    def __init__(self, out_dir: str, fingerprint: str, config: str | None = None) -> None:
        self.out_dir, self.fingerprint, self.config = out_dir, fingerprint, config

    @contextmanager
    def started(self):
        load_worker(self.config)
        yield self

    def run(self, batches: Iterable[Batch]) -> Iterator[list[ArticleResult]]:
        for batch in batches:
            yield process_batch(batch, self.out_dir, self.fingerprint, self.config)


def _ignore_sigint() -> None:
    # Ctrl-C is handled once, by the parent (it saves the resume state and stops the pool).
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _spawned_worker_init(config: str | None) -> None:
    _ignore_sigint()
    load_worker(config)


class LocalPoolEngine:
    """`--jobs N`: N worker processes. On Linux they fork from a parent that has already loaded the pipeline,
    so start-up is paid once and the vocabulary's pages are shared; elsewhere each spawned worker loads it."""

    name = "local"

    def __init__(self, out_dir: str, fingerprint: str, workers: int, config: str | None = None) -> None:
        self.out_dir, self.fingerprint, self.workers, self.config = out_dir, fingerprint, workers, config
        self.executor: ProcessPoolExecutor | None = None

    @contextmanager
    def started(self):
        if sys.platform.startswith("linux"):
            load_worker(self.config)
            context, initializer, initargs = multiprocessing.get_context("fork"), _ignore_sigint, ()
        else:
            context, initializer, initargs = multiprocessing.get_context("spawn"), _spawned_worker_init, (self.config,)
        self.executor = ProcessPoolExecutor(self.workers, mp_context=context, initializer=initializer,
                                            initargs=initargs)
        try:
            yield self
        except BaseException:
            self.executor.shutdown(wait=True, cancel_futures=True)
            raise
        self.executor.shutdown(wait=True)

    def run(self, batches: Iterable[Batch]) -> Iterator[list[ArticleResult]]:
        submit = lambda batch: self.executor.submit(  # noqa: E731
            process_batch, batch, self.out_dir, self.fingerprint, self.config)
        yield from ordered_results(submit, batches, window=4 * self.workers)


class DaskEngine:
    """`--engine dask`: the same batches as Dask tasks, on the scheduler at `address` or, without one, on a
    `LocalCluster` of `workers` single-threaded worker processes. Workers need this package installed (same
    version: the fingerprint is checked against theirs). Outputs are written here, by the client."""

    name = "dask"

    def __init__(self, out_dir: str, fingerprint: str, workers: int, address: str | None = None,
                 config: str | None = None) -> None:
        self.out_dir, self.fingerprint, self.workers, self.address = out_dir, fingerprint, workers, address
        self.config = config
        self.client = None

    @contextmanager
    def started(self):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - dask is pinned in requirements.lock
            raise RuntimeError("--engine dask needs dask[distributed] installed") from exc
        cluster = None
        if self.address:
            self.client = Client(self.address)
            self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        else:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(cluster)
        theirs = set(self.client.run(_worker_fingerprint).values())
        if theirs - {self.fingerprint}:
            log.warning("Dask workers run a different pipeline build (fingerprints %s); outputs may differ",
                        ", ".join(sorted(f[:12] for f in theirs)))
        try:
            yield self
        finally:
            self.client.close()
            if cluster is not None:
                cluster.close()

    def run(self, batches: Iterable[Batch]) -> Iterator[list[ArticleResult]]:
        def submit(batch):
            return self.client.submit(process_batch, batch, self.out_dir, self.fingerprint, self.config, pure=False)

        yield from ordered_results(submit, batches, window=4 * self.workers)


def _worker_fingerprint() -> str:
    from pipeline.fingerprint import pipeline_fingerprint

    return pipeline_fingerprint()


def make_engine(engine: str, out_dir: str, fingerprint: str, jobs: int = 1, scheduler: str | None = None,
                config: str | None = None):
    if engine == "dask":
        return DaskEngine(out_dir, fingerprint, workers=max(1, jobs), address=scheduler, config=config)
    if jobs <= 1:
        return SerialEngine(out_dir, fingerprint, config)
    return LocalPoolEngine(out_dir, fingerprint, workers=jobs, config=config)
