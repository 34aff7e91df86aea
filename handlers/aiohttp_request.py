"""The one python-telegram-bot transport: a BaseRequest on aiohttp, for every Bot API URL.

Telegram's own ``https://`` URL, a self-hosted Bot API server and the fake
server of the tests and benchmarks all go through this class (the approach of
ptbcontrib's ``AiohttpRequest``, python-telegram-bot issue #4560). One
``aiohttp.ClientSession`` per instance keeps up to ``connection_pool_size``
keep-alive connections; it is opened by ``initialize()`` and closed by
``shutdown()``. PTB encodes the parameters and decodes the JSON reply; this
class only moves bytes: a urlencoded form, or multipart when files are sent.

PTB's four time-outs, per call, mapped onto ``aiohttp.ClientTimeout``:

- ``pool + connect`` -> ``connect``: getting a connection, i.e. waiting for a
  free one in the pool, or resolving and opening a new one;
- ``connect`` -> ``sock_connect``: opening a new connection (TCP and TLS);
- ``read`` -> ``sock_read``: waiting for the reply once the request is sent,
  and for each further piece of it;
- ``write``: aiohttp has no write time-out. A form fits the socket buffer at
  once; only an upload can stall while it is written, so a request with files
  is bounded as a whole (``total``) by the sum of the four.

Time-outs raise ``TimedOut``; refused, reset or dropped connections
``NetworkError`` (the message never quotes the URL, which holds the token).
Proxies: an explicit ``proxy``, else with ``trust_env`` the environment's
``HTTPS_PROXY``/``HTTP_PROXY``/``NO_PROXY`` (and ``SSL_CERT_FILE`` for TLS).
"""

from __future__ import annotations

import functools
from typing import Any

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def _seconds(given: Any, default: float | None) -> float | None:
    """Return a time-out: the one given, or the default for PTB's DEFAULT_NONE sentinel."""
    return given if given is None or isinstance(given, int | float) else default


def _add(*parts: float | None) -> float | None:
    """Add time-outs; None (no limit) if any of them is unlimited."""
    return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)


@functools.lru_cache(maxsize=64)
def client_timeout(
    read: float | None,
    write: float | None,
    connect: float | None,
    pool: float | None,
    upload: bool,
) -> aiohttp.ClientTimeout:
    """Map PTB's read/write/connect/pool time-outs onto aiohttp's (see the module docstring)."""
    return aiohttp.ClientTimeout(
        total=_add(pool, connect, write, read) if upload else None,
        connect=_add(pool, connect),
        sock_connect=connect,
        sock_read=read,
    )


def request_body(data: RequestData | None) -> tuple[bytes | aiohttp.FormData | None, bool]:
    """Return the body to send and whether it uploads files (then it is multipart)."""
    if data is None:
        return None, False
    if not data.contains_files:
        return data.url_encoded_parameters().encode(), False
    form = aiohttp.FormData(quote_fields=False)  # raw UTF-8 names, as Telegram expects
    for name, value in data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in data.multipart_data.items():
        form.add_field(
            name, content, filename=filename, content_type=mimetype or "application/octet-stream"
        )
    return form, True


def _describe(exc: aiohttp.ClientError) -> str:
    """Describe an aiohttp error without its URL (the Bot API URL holds the token)."""
    if isinstance(exc, aiohttp.ClientResponseError):  # its str() quotes the URL
        return f"aiohttp.{type(exc).__name__}: {exc.status} {exc.message}"
    if isinstance(exc, aiohttp.InvalidURL):
        return f"aiohttp.{type(exc).__name__}"
    return f"aiohttp.{type(exc).__name__}: {exc}"


class AiohttpRequest(BaseRequest):
    """python-telegram-bot networking over an aiohttp session with keep-alive connections."""

    __slots__ = (
        "_media_write_timeout",
        "_pool_size",
        "_proxy",
        "_session",
        "_timeouts",
        "_trust_env",
    )

    def __init__(
        self,
        connection_pool_size: int = 1,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
        *,
        proxy: str | None = None,
        trust_env: bool = False,
    ) -> None:
        """Keep the settings (PTB's default time-outs); the session opens in initialize()."""
        self._pool_size = connection_pool_size
        self._timeouts = (read_timeout, write_timeout, connect_timeout, pool_timeout)
        self._media_write_timeout = media_write_timeout
        self._proxy = proxy
        self._trust_env = trust_env
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        """Return the default read time-out."""
        return self._timeouts[0]

    async def initialize(self) -> None:
        """Open the session (again after a shutdown); nothing happens if it is open."""
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
                cookie_jar=aiohttp.DummyCookieJar(),  # the Bot API sets no cookies
                proxy=self._proxy,
                trust_env=self._trust_env,
            )

    async def shutdown(self) -> None:
        """Close the session and its connections, and wait until they are closed."""
        session, self._session = self._session, None
        if session is not None:
            await session.close()

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
        """Send one request and return (status, body); TimedOut or NetworkError if it fails."""
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized")
        body, upload = request_body(request_data)
        read, write, connect, pool = self._timeouts
        timeout = client_timeout(
            _seconds(read_timeout, read),
            _seconds(write_timeout, self._media_write_timeout if upload else write),
            _seconds(connect_timeout, connect),
            _seconds(pool_timeout, pool),
            upload,
        )
        headers = FORM if isinstance(body, bytes) else None
        try:
            async with session.request(
                method, url, data=body, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except aiohttp.ConnectionTimeoutError as exc:  # before TimeoutError: it is one
            raise TimedOut(
                "Timed out getting a connection (pool busy or server slow to accept); "
                "the request was not sent"
            ) from exc
        except TimeoutError as exc:
            raise TimedOut(f"Timed out ({type(exc).__name__})") from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(_describe(exc)) from exc
