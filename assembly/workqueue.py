"""The order a recognizer worker does its work in: someone waiting first.

A worker holds the streams of many calls at once (40 calls on 2 workers: ~20 each). Their
audio arrives in 0.2 s pieces whether or not the worker keeps up, and a worker that took its
messages first come, first served made a turn that had ENDED (the person waits for the reply)
or a pause being judged (the end of turn waits for the partial result) queue behind every
piece of every other call's speech sent before it. On a loaded machine that queue is seconds
long: replies came late, and partial results missed their deadline, so the turn waited the
plain end instead of the short one.

`WorkQueue` keeps each stream's messages in their order (a stream's audio always reaches its
decoder before the request for its result, so a turn decodes the same whatever the order
across streams) and picks what runs next:

1. a request someone waits for (`URGENT`: a turn's result, a partial result, a whole-turn
   decode), oldest first, together with the messages of its stream sent before it (the rest
   of that turn's audio: the work its answer needs);
2. otherwise the oldest message of any stream (speech still being spoken may lag; it is
   caught up by its own stream's next urgent request at the latest).

Pure bookkeeping, no processes: `assembly.streamworkers` feeds it what its queue holds
(`drain`).
"""

from __future__ import annotations

from collections import deque
from queue import Empty
from typing import Any

URGENT = frozenset({"finish", "partial", "transcribe"})
"""Operations somebody waits for; everything else (open, feed, close) may lag."""

Message = tuple[int, str, int, Any]  # (request id, op, stream id, args)


class WorkQueue:
    def __init__(self) -> None:
        self._streams: dict[Any, deque[Message]] = {}  # stream -> its messages, in order
        self._arrivals: deque[Any] = deque()  # one stream key per message, in arrival order
        self._urgent: deque[Any] = deque()  # streams with a waited-for request, oldest first
        self._run: deque[Message] = deque()  # an urgent stream's messages up to its request
        self._waiting: dict[Any, int] = {}  # stream -> its urgent requests not yet taken

        self.size = 0  # messages put and not yet taken

    def __len__(self) -> int:
        return self.size

    def put(self, message: Message) -> None:
        rid, op, sid, _ = message
        # A whole-turn decode belongs to no stream: its own key, so it waits for nothing.
        key = ("request", rid) if op == "transcribe" else sid
        self._streams.setdefault(key, deque()).append(message)
        self._arrivals.append(key)
        self.size += 1
        if op in URGENT:
            self._urgent.append(key)
            self._waiting[key] = self._waiting.get(key, 0) + 1

    def take(self) -> Message | None:
        """The next message to run, or None when there is none."""
        message = self._next()
        if message is not None:
            self.size -= 1
        return message

    def _next(self) -> Message | None:
        if self._run:
            return self._run.popleft()
        while self._urgent:
            key = self._urgent.popleft()
            if not self._waiting.get(key):  # its request already ran in arrival order
                continue
            # This stream's messages up to and including its first urgent one.
            queue = self._streams[key]
            while queue:
                message = self._pop(key, queue)
                self._run.append(message)
                if message[1] in URGENT:
                    break
            return self._run.popleft()
        while self._arrivals:
            key = self._arrivals.popleft()
            queue = self._streams.get(key)
            if not queue:  # its messages already ran with an urgent request
                continue
            return self._pop(key, queue)
        return None

    def _pop(self, key: Any, queue: deque[Message]) -> Message:
        message = queue.popleft()
        if not queue:
            del self._streams[key]
        if message[1] in URGENT:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key]
        return message


def drain(requests, work: WorkQueue) -> Message | None:
    """Everything `requests` (a `multiprocessing` queue) holds now into `work`, waiting only
    while `work` is empty, then the next message to run; None: told to stop."""
    while True:
        try:
            message = requests.get(block=not work)
        except Empty:
            break
        if message is None:
            return None
        work.put(message)
    return work.take()
