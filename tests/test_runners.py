"""Task runners: what their worker processes start with."""

import multiprocessing
import os

import pytest

from flows.runners import make_task_runner

ALLOCATOR = ("ARROW_DEFAULT_MEMORY_POOL", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")


def _worker_environment() -> dict[str, str | None]:
    """The allocator settings a freshly started worker process sees (the pool starts them by spawn)."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return dict(zip(ALLOCATOR, pool.map(os.getenv, ALLOCATOR)))


@pytest.fixture
def clean_environment(monkeypatch):
    for name in ALLOCATOR:
        monkeypatch.delenv(name, raising=False)


def test_process_workers_start_with_allocators_that_hand_memory_back(clean_environment):
    make_task_runner("processes", workers=2)
    seen = _worker_environment()
    assert seen["ARROW_DEFAULT_MEMORY_POOL"] == "system"
    # A fixed threshold stops glibc from moving ever larger blocks into its heap batch after batch.
    assert int(seen["MALLOC_MMAP_THRESHOLD_"]) > 0 and int(seen["MALLOC_TRIM_THRESHOLD_"]) > 0


def test_a_users_own_allocator_settings_stand(clean_environment, monkeypatch):
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "0")
    make_task_runner("processes", workers=2)
    seen = _worker_environment()
    assert seen["ARROW_DEFAULT_MEMORY_POOL"] == "jemalloc" and seen["MALLOC_TRIM_THRESHOLD_"] == "0"


def test_threads_leave_the_environment_alone(clean_environment):
    make_task_runner("threads", workers=2)
    assert all(name not in os.environ for name in ALLOCATOR)
