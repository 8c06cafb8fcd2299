"""One fork-and-join for reading and writing, and parallel writing as a property a plugin declares."""

from __future__ import annotations

import sys
import types

import pytest
from pelican import signals

from generator.site import writer
from generator.site.parallel import WorkerFailed, Workers, share_of, unsafe_listeners


def test_workers_hand_back_their_results_in_share_order() -> None:
    workers = Workers(3)
    share = workers.start()
    if share:
        workers.hand_back({"share": share, "square": share * share})
    assert not workers.in_worker
    assert workers.join() == [{"share": 1, "square": 1}, {"share": 2, "square": 4}]
    assert not workers.folder.exists()


def test_a_failing_worker_is_reported_with_its_reason() -> None:
    workers = Workers(3)
    share = workers.start()
    if share == 1:
        workers.fail(RuntimeError("disk on fire"))
    if share == 2:
        workers.hand_back("fine")
    outcomes = workers.join()
    assert outcomes == [WorkerFailed(1, "RuntimeError: disk on fire"), "fine"]


def test_every_name_has_one_writer() -> None:
    names = [f"tag/{number}/index.html" for number in range(200)]
    shares = [share_of(name, 2) for name in names]
    assert set(shares) == {0, 1} and shares == [share_of(name, 2) for name in names]


@pytest.fixture
def plugin_module(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType("some_plugin")
    exec("def queue(path, context=None):\n    pass\n\ndef after(generator, writer=None):\n    pass\n", module.__dict__)
    monkeypatch.setitem(sys.modules, "some_plugin", module)
    return module


def test_a_plugin_listening_while_pages_are_written_must_declare_itself_safe(plugin_module) -> None:
    signals.content_written.connect(plugin_module.queue)
    try:
        assert unsafe_listeners() == ["some_plugin.queue"]
        plugin_module.PARALLEL_WRITE_SAFE = True
        assert unsafe_listeners() == []
    finally:
        signals.content_written.disconnect(plugin_module.queue)


def test_a_plugin_acting_after_the_writers_joined_needs_no_declaration(plugin_module) -> None:
    signals.article_writer_finalized.connect(writer.join_writers)  # as our plugin does, before any other
    signals.article_writer_finalized.connect(plugin_module.after)
    try:
        assert unsafe_listeners() == []
    finally:
        signals.article_writer_finalized.disconnect(plugin_module.after)
