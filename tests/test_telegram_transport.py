"""The one transport (handlers.aiohttp_request) through real sockets: PTB's Bot over aiohttp.

The fake Bot API server covers what Telegram does; a raw asyncio server covers the
rest: crafted framing, a proxy, a server that stops reading, connections it sees close.
"""

from __future__ import annotations

import asyncio
import gc
import os
import socket
import time
import warnings
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field

import pytest
from telegram import Bot, InputFile
from telegram.error import InvalidToken, NetworkError, TimedOut

from handlers.aiohttp_request import AiohttpRequest
from handlers.botapi import TELEGRAM_URL, ClosingBot, http_request
from tests.fakebot import TOKEN, FakeTelegram, Fault
from tests.telegram_fixtures import *  # noqa: F403

OK = b'{"ok":true,"result":true}'
ME = b'{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"T","username":"t_bot"}}'
GET_ME = f"/bot{TOKEN}/getMe"
Responder = Callable[[int, bytes], bytes | None]


def response(
    body: bytes = OK, *headers: str, status: str = "200 OK", version: str = "HTTP/1.1"
) -> bytes:
    """Build a response with Content-Length unless a framing header is given."""
    lines = [f"{version} {status}", "Content-Type: application/json", *headers]
    if not any(h.lower().startswith(("transfer-encoding", "connection: close")) for h in headers):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@dataclass
class RawServer:
    """What a raw server saw: request heads, connections made, connections still open."""

    url: str = ""
    heads: list[bytes] = field(default_factory=list)
    connections: int = 0
    open: int = 0


def content_length(head: bytes) -> int:
    """Return a request's Content-Length (0 without one)."""
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


@asynccontextmanager
async def raw_server(respond: Responder) -> AsyncIterator[RawServer]:
    """Answer the n-th request with respond(n, head): b"" drops the connection, None stops
    reading (the connection stalls until the server closes)."""
    seen, release, tasks = RawServer(), asyncio.Event(), set()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        tasks.add(asyncio.current_task())
        seen.connections += 1
        seen.open += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                seen.heads.append(head)
                answer = respond(len(seen.heads), head)
                if answer is None:
                    await release.wait()
                    break
                await reader.readexactly(content_length(head))
                if not answer:
                    break
                writer.write(answer)
                await writer.drain()
                if b"Connection: close" in answer or answer.startswith(b"HTTP/1.0"):
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            seen.open -= 1
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    seen.url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    try:
        yield seen
    finally:
        release.set()
        server.close()
        await asyncio.gather(*tasks, return_exceptions=True)


async def until(predicate: Callable[[], bool], timeout: float = 3.0) -> None:
    """Wait until predicate() holds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


def bot_for(fake: FakeTelegram, request: AiohttpRequest | None = None) -> Bot:
    """Return a Bot for the fake server whose both transports are AiohttpRequests."""
    return Bot(
        TOKEN,
        base_url=fake.base_url,
        request=request or AiohttpRequest(),
        get_updates_request=AiohttpRequest(),
    )


# --- keep-alive and framing ----------------------------------------------------------------


async def test_calls_reuse_keep_alive_connections_up_to_the_pool_size(fake: FakeTelegram) -> None:
    bot = bot_for(fake, http_request(fake.base_url, pool=4))
    async with bot:  # getMe
        for i in range(10):
            await bot.send_message(42, f"one by one {i}")
        assert fake.connections == 1
        await asyncio.gather(*(bot.send_message(42, f"at once {i}") for i in range(12)))
        for i in range(10):
            await bot.send_message(42, f"one by one again {i}")
    assert len(fake.texts(42)) == 32
    assert 1 < fake.connections <= 4


async def test_chunked_closing_and_http10_responses_are_read() -> None:
    chunked = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b'5\r\n{"ok"\r\n14\r\n:true,"result":true}\r\n0\r\n\r\n'
    )
    answers = {1: chunked, 2: response(OK, "Connection: close"), 3: response(version="HTTP/1.0")}
    async with (
        raw_server(lambda n, _: answers.get(n, response())) as server,
        AiohttpRequest() as client,
    ):
        for _ in range(4):
            assert await client.do_request(server.url + GET_ME, "POST") == (200, OK)
    assert server.connections == 3  # a new connection after each closing response


async def test_a_connection_the_server_closed_while_idle_is_replaced() -> None:
    closing = response(OK, "Connection: close")
    async with (
        raw_server(lambda n, _: closing if n == 1 else response()) as server,
        AiohttpRequest() as client,
    ):
        assert await client.do_request(server.url + GET_ME, "POST") == (200, OK)
        await until(lambda: server.open == 0)
        assert await client.do_request(server.url + GET_ME, "POST") == (200, OK)
    assert server.connections == 2


async def test_a_file_is_downloaded_with_get() -> None:
    content = bytes(range(256)) * 64
    async with raw_server(lambda n, _: response(content)) as server, AiohttpRequest() as client:
        assert await client.retrieve(f"{server.url}/file/bot{TOKEN}/documents/a.ics") == content
    assert server.heads[0].startswith(f"GET /file/bot{TOKEN}/documents/a.ics HTTP/1.1".encode())


# --- failures: dropped, refused, slow ---------------------------------------------------------


async def test_a_dropped_connection_is_a_network_error_and_the_next_call_reconnects(
    fake: FakeTelegram,
) -> None:
    bot = bot_for(fake)
    async with bot:
        fake.fail("sendMessage", Fault.drop())
        with pytest.raises(NetworkError) as raised:
            await bot.send_message(42, "lost")
        assert (await bot.send_message(42, "delivered")).text == "delivered"
    assert not isinstance(raised.value, TimedOut) and TOKEN not in raised.value.message
    assert fake.texts(42) == ["delivered"]
    assert fake.connections == 2


async def test_an_unreachable_server_is_a_network_error() -> None:
    with FakeTelegram() as fake:
        gone = f"{fake.base_url}{TOKEN}/getMe"
    async with AiohttpRequest() as client:
        with pytest.raises(NetworkError, match="ClientConnectorError") as raised:
            await client.do_request(gone, "POST")
    assert TOKEN not in raised.value.message


@pytest.mark.parametrize(
    ("default", "per_call"), [(0.1, None), (5.0, 0.1)], ids=["default", "per call"]
)
async def test_a_slow_reply_times_out_after_the_read_timeout(
    fake: FakeTelegram, default: float, per_call: float | None
) -> None:
    bot = bot_for(fake, AiohttpRequest(read_timeout=default))
    async with bot:
        fake.fail("sendMessage", Fault.delay(2.0))
        kwargs = {"read_timeout": per_call} if per_call else {}
        started = time.monotonic()
        with pytest.raises(TimedOut):
            await bot.send_message(42, "slow", **kwargs)
        assert time.monotonic() - started < 1.5  # long before the reply (slack for a busy CI)
        fake.fail("sendMessage", Fault.delay(0.3))
        message = await bot.send_message(42, "patient", read_timeout=2.0)
    assert message.text == "patient"


async def test_a_full_pool_times_out_without_sending(fake: FakeTelegram) -> None:
    bot = bot_for(fake, AiohttpRequest(connection_pool_size=1))
    async with bot:
        fake.fail("sendMessage", Fault.delay(2.5))
        slow = asyncio.create_task(bot.send_message(42, "slow"))
        await fake.wait_for(lambda: not fake.faults["sendMessage"])  # it holds the connection
        started = time.monotonic()
        with pytest.raises(TimedOut, match="not sent"):
            await bot.send_message(42, "waits", pool_timeout=0.1, connect_timeout=0.1)
        assert time.monotonic() - started < 1.5  # long before the slow call frees the connection
        await slow
    assert fake.texts(42) == ["slow"]


@contextmanager
def port_that_never_accepts() -> Iterator[int]:
    """Yield a port whose listen backlog is full, so a new connection never completes."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = int(listener.getsockname()[1])
        fillers = [socket.socket() for _ in range(8)]
        try:
            for filler in fillers:
                filler.setblocking(False)
                filler.connect_ex(("127.0.0.1", port))
            yield port
        finally:
            for filler in fillers:
                filler.close()


async def test_a_server_that_does_not_accept_times_out_after_the_connect_timeout() -> None:
    with port_that_never_accepts() as port:
        async with AiohttpRequest(connect_timeout=0.2) as client:
            started = time.monotonic()
            with pytest.raises(TimedOut, match="not sent"):
                await client.do_request(f"http://127.0.0.1:{port}{GET_ME}", "POST")
    assert time.monotonic() - started < 2.0  # the default would be 5 s


async def test_an_upload_the_server_stops_reading_times_out() -> None:
    def respond(n: int, head: bytes) -> bytes | None:
        return None if b"sendDocument" in head else response(ME)

    async with raw_server(respond) as server:
        bot = Bot(TOKEN, base_url=f"{server.url}/bot", request=AiohttpRequest())
        async with bot:
            started = time.monotonic()
            with pytest.raises(TimedOut):
                await bot.send_document(
                    42,
                    InputFile(bytes(32 * 2**20), filename="big.bin"),  # more than socket buffers
                    write_timeout=0.3,
                    read_timeout=0.2,
                    connect_timeout=0.2,
                    pool_timeout=0.2,
                )
            assert time.monotonic() - started < 3.0


# --- uploads --------------------------------------------------------------------------------


async def test_a_document_is_uploaded_as_multipart_and_again_after_a_drop(
    fake: FakeTelegram,
) -> None:
    ics = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    document = InputFile(ics, filename="tilskuddsfrister.ics")
    bot = bot_for(fake)
    async with bot:
        fake.fail("sendDocument", Fault.drop())
        with pytest.raises(NetworkError):
            await bot.send_document(42, document, caption="Frister æøå")
        message = await bot.send_document(42, document, caption="Frister æøå")
    [call] = fake.requests("sendDocument")
    assert call.fields["chat_id"] == 42 and call.fields["caption"] == "Frister æøå"
    assert call.fields["document"] == {"filename": "tilskuddsfrister.ics", "size": len(ics)}
    assert call.fields["uploads"]["document"] == ics
    assert message.document is not None and message.document.file_name == "tilskuddsfrister.ics"


# --- proxies ----------------------------------------------------------------------------------


@pytest.fixture
def no_proxy_settings(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Clear the machine's proxy variables; return the monkeypatch to set some."""
    for name in list(os.environ):
        if "proxy" in name.lower():
            monkeypatch.delenv(name)
    return monkeypatch


async def test_telegrams_url_goes_through_the_https_proxy_of_the_environment(
    no_proxy_settings: pytest.MonkeyPatch,
) -> None:
    refused = response(b"", status="403 Forbidden")
    async with raw_server(lambda n, _: refused) as proxy:
        no_proxy_settings.setenv("HTTPS_PROXY", proxy.url)
        async with http_request(TELEGRAM_URL) as client:
            with pytest.raises(NetworkError) as raised:
                await client.do_request(f"{TELEGRAM_URL}{TOKEN}/getMe", "POST")
    assert proxy.heads[0].startswith(b"CONNECT api.telegram.org:443 HTTP/1.1\r\n")
    assert "403" in raised.value.message and TOKEN not in raised.value.message


@pytest.mark.parametrize("how", ["explicit", "environment"])
async def test_a_plain_http_call_goes_through_a_proxy(
    no_proxy_settings: pytest.MonkeyPatch, how: str
) -> None:
    async with raw_server(lambda n, _: response(ME)) as proxy:
        if how == "explicit":
            client = AiohttpRequest(proxy=proxy.url)
        else:
            no_proxy_settings.setenv("HTTP_PROXY", proxy.url)
            client = AiohttpRequest(trust_env=True)
        async with client:
            url = f"http://bot-api.invalid{GET_ME}"
            assert await client.do_request(url, "POST") == (200, ME)
    assert proxy.heads[0].startswith(f"POST http://bot-api.invalid{GET_ME} HTTP/1.1".encode())


async def test_a_configured_bot_api_server_is_reached_directly_whatever_the_proxy_settings(
    no_proxy_settings: pytest.MonkeyPatch, fake: FakeTelegram
) -> None:
    async with raw_server(lambda n, _: b"") as proxy:
        no_proxy_settings.setenv("HTTP_PROXY", proxy.url)
        no_proxy_settings.setenv("HTTPS_PROXY", proxy.url)
        async with http_request(fake.base_url) as client:
            status, _ = await client.do_request(f"{fake.base_url}{TOKEN}/getMe", "POST")
    assert status == 200 and fake.requests("getMe")
    assert proxy.connections == 0


# --- shutdown -------------------------------------------------------------------------------


def unclosed_sessions_collected() -> list[str]:
    """Collect garbage; return aiohttp's "Unclosed client session" warnings it caused."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gc.collect()
    return [str(w.message) for w in caught if "Unclosed" in str(w.message)]


async def test_shutdown_closes_the_connections_and_initialize_opens_them_again() -> None:
    async with raw_server(lambda n, _: response()) as server:
        client = AiohttpRequest()
        await client.initialize()
        assert await client.do_request(server.url + GET_ME, "POST") == (200, OK)
        assert server.open == 1
        await client.shutdown()
        await until(lambda: server.open == 0)
        with pytest.raises(RuntimeError, match="not initialized"):
            await client.do_request(server.url + GET_ME, "POST")
        await client.initialize()
        assert await client.do_request(server.url + GET_ME, "POST") == (200, OK)
        await client.shutdown()
        await until(lambda: server.open == 0)
    del client
    assert server.connections == 2
    assert unclosed_sessions_collected() == []


async def test_a_bot_whose_token_is_rejected_closes_its_connections() -> None:
    rejected = response(
        b'{"ok":false,"error_code":401,"description":"Unauthorized"}', status="401 Unauthorized"
    )
    async with raw_server(lambda n, _: rejected) as server:
        base = f"{server.url}/bot"
        bot = ClosingBot(
            TOKEN, base_url=base, request=AiohttpRequest(), get_updates_request=AiohttpRequest()
        )
        with pytest.raises(InvalidToken):
            await bot.initialize()
        await until(lambda: server.open == 0)
    del bot
    assert unclosed_sessions_collected() == []
