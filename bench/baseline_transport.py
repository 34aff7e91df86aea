"""BASELINE ONLY, not used by the bot: the hand-written HTTP/1.1 client the bot used to have.

A verbatim copy of ``handlers/transport.py`` as it was before issue 14 replaced
it with ``handlers.aiohttp_request.AiohttpRequest``, kept so that
``python -m bench telegram`` can measure the new transport against it. Nothing
outside bench/ may import it; it gets no fixes. Its original docstring follows.

---

A small keep-alive HTTP/1.1 client for a Bot API server reached over plain HTTP.

Used when TELEGRAM_API_BASE_URL is an ``http://`` URL: a local Bot API server
(telegram-bot-api next to the bot, the usual set-up for high volume) or the
fake server of the tests. Telegram itself (``https://``) is reached with
python-telegram-bot's HTTPXRequest as usual, with TLS and proxy support.

Why not httpx here too: on this machine an httpx request costs about 1.9 ms of
CPU, this client about 0.2 ms (measured; see bench/bench_telegram.py), which
decides whether the bot answers 190 or 300+ messages per second. It speaks only
what the Bot API needs: POST of urlencoded or multipart forms (GET for file
downloads), responses with Content-Length, chunked or closing framing, and
keep-alive connections that are dropped when the server closed them or when a
request fails or is cancelled midway. Time-outs raise ``TimedOut``, broken
connections ``NetworkError``; proxy settings are ignored, as for any configured
base URL.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


class _Connection:
    """A keep-alive connection; ``reusable`` once a response was read completely."""

    __slots__ = ("reader", "reusable", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer, self.reusable = reader, writer, False

    @property
    def alive(self) -> bool:
        """Tell whether the server has not closed the connection (while it was idle)."""
        return not (self.reader.at_eof() or self.writer.is_closing())


def _seconds(value: Any, default: float | None) -> float | None:
    """Return a time-out: PTB passes a DefaultValue sentinel when none was given."""
    return value if value is None or isinstance(value, int | float) else default


def encode_body(data: RequestData | None) -> tuple[bytes, str | None]:
    """Encode request parameters as a urlencoded form, or multipart when files are sent."""
    if data is None:
        return b"", None
    if not data.contains_files:
        return data.url_encoded_parameters().encode(), "application/x-www-form-urlencoded"
    boundary = secrets.token_hex(16)
    parts: list[bytes] = []
    for name, value in data.json_parameters.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value.encode()
            + b"\r\n"
        )
    for name, (filename, content, mimetype) in data.multipart_data.items():
        body = content if isinstance(content, bytes) else content.read()
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {mimetype or "application/octet-stream"}'
            "\r\n\r\n"
        )
        parts.append(head.encode() + body + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class PlainHttpRequest(BaseRequest):
    """python-telegram-bot networking over keep-alive HTTP/1.1 connections, without TLS."""

    def __init__(
        self,
        connection_pool_size: int = 8,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
    ) -> None:
        """Allow up to ``connection_pool_size`` requests at once."""
        self._slots = asyncio.Semaphore(connection_pool_size)
        self._idle: list[_Connection] = []
        self._timeouts = (read_timeout, write_timeout, connect_timeout, pool_timeout)

    @property
    def read_timeout(self) -> float | None:
        """Return the default read time-out."""
        return self._timeouts[0]

    async def initialize(self) -> None:
        """Nothing to set up: connections open on demand."""

    async def shutdown(self) -> None:
        """Close the idle connections."""
        idle, self._idle = self._idle, []
        for conn in idle:
            conn.writer.close()
        await asyncio.gather(*(c.writer.wait_closed() for c in idle), return_exceptions=True)
        await asyncio.sleep(0)  # let connections closed after a failure finish closing too

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one request and return (status, body)."""
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise NetworkError(f"PlainHttpRequest only speaks plain http, not {parts.scheme}")
        body, content_type = encode_body(request_data)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        head = [f"{method} {target} HTTP/1.1", f"Host: {parts.netloc}"]
        head += [f"User-Agent: {self.USER_AGENT}", f"Content-Length: {len(body)}"]
        head += [f"Content-Type: {content_type}"] if content_type else []
        request = ("\r\n".join(head) + "\r\n\r\n").encode() + body
        read, write, connect, pool = (
            _seconds(given, default)
            for given, default in zip(
                (read_timeout, write_timeout, connect_timeout, pool_timeout),
                self._timeouts,
                strict=True,
            )
        )
        try:
            async with asyncio.timeout(pool):
                await self._slots.acquire()
        except TimeoutError:
            raise TimedOut("Pool timeout: all connections are busy") from None
        try:
            async with self._connection(parts.hostname, parts.port or 80, connect) as conn:
                return await self._exchange(conn, request, write, read)
        finally:
            self._slots.release()

    @asynccontextmanager
    async def _connection(
        self, host: str, port: int, connect_timeout: float | None
    ) -> AsyncIterator[_Connection]:
        """Lend a live idle connection or a new one; keep it only if the exchange completed."""
        conn: _Connection | None = None
        while self._idle and conn is None:
            candidate = self._idle.pop()
            if candidate.alive:
                conn = candidate
            else:
                candidate.writer.close()
        if conn is None:
            try:
                async with asyncio.timeout(connect_timeout):
                    conn = _Connection(*await asyncio.open_connection(host, port))
            except TimeoutError:
                raise TimedOut("Connect timed out") from None
            except OSError as exc:
                raise NetworkError(f"Could not connect: {type(exc).__name__}") from exc
        conn.reusable = False
        try:
            yield conn
        finally:
            if conn.reusable:
                self._idle.append(conn)
            else:
                conn.writer.close()

    async def _exchange(
        self, conn: _Connection, request: bytes, write: float | None, read: float | None
    ) -> tuple[int, bytes]:
        """Write the request and read the response on a connection."""
        try:
            conn.writer.write(request)
            async with asyncio.timeout(write):
                await conn.writer.drain()
            async with asyncio.timeout(read):
                status, headers = await _read_head(conn.reader)
                body, conn.reusable = await _read_body(conn.reader, headers)
        except TimeoutError:
            raise TimedOut("Timed out") from None
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
            raise NetworkError(f"Connection broken: {type(exc).__name__}") from exc
        return status, body


async def _read_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    """Read the status line and headers (names lower-cased)."""
    line = await reader.readline()
    if not line:
        raise asyncio.IncompleteReadError(b"", None)
    version, status = line.split(None, 2)[:2]
    headers = {"_version": version.decode("latin-1")}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n"):
            return int(status), headers
        if not line:
            raise asyncio.IncompleteReadError(b"", None)
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()


async def _read_body(reader: asyncio.StreamReader, headers: dict[str, str]) -> tuple[bytes, bool]:
    """Read the body by its framing; tell whether the connection may be reused."""
    keep = headers.get("connection", "").lower() != "close" and headers["_version"] == "HTTP/1.1"
    if "chunked" in headers.get("transfer-encoding", "").lower():
        chunks: list[bytes] = []
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            if size == 0:
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks), keep
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)
    if "content-length" in headers:
        return await reader.readexactly(int(headers["content-length"])), keep
    return await reader.read(), False  # framed by closing the connection
