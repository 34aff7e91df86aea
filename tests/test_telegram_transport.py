"""handlers.transport: the keep-alive HTTP/1.1 client used for a plain-http Bot API server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest
from telegram import Bot, InputFile
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest

from handlers.botapi import TELEGRAM_URL, http_request
from handlers.transport import PlainHttpRequest
from tests.fakebot import TOKEN, FakeTelegram, Fault
from tests.telegram_fixtures import *  # noqa: F403

OK = b'{"ok":true,"result":true}'
Responder = Callable[[int], bytes]


@asynccontextmanager
async def raw_server(respond: Responder) -> AsyncIterator[tuple[str, list[int]]]:
    """Serve crafted responses (respond(n) for the n-th request); yield the URL and connections."""
    connections: list[int] = []
    count = 0

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal count
        connections.append(1)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    (
                        int(h.split(b":")[1])
                        for h in head.split(b"\r\n")
                        if h.lower().startswith(b"content-length")
                    ),
                    0,
                )
                await reader.readexactly(length)
                count += 1
                response = respond(count)
                if not response:
                    break
                writer.write(response)
                await writer.drain()
                if b"Connection: close" in response or response.startswith(b"HTTP/1.0"):
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/bot{TOKEN}/getMe", connections
    finally:
        server.close()


def response(body: bytes = OK, *headers: str, version: str = "HTTP/1.1") -> bytes:
    """Build a response with Content-Length unless a framing header is given."""
    lines = [f"{version} 200 OK", "Content-Type: application/json", *headers]
    if not any(h.lower().startswith(("transfer-encoding", "connection: close")) for h in headers):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def test_keep_alive_reuses_one_connection() -> None:
    async with raw_server(lambda n: response()) as (url, connections):
        client = PlainHttpRequest()
        for _ in range(5):
            assert await client.do_request(url, "POST") == (200, OK)
        await client.shutdown()
    assert len(connections) == 1


async def test_chunked_closing_and_http10_responses_are_read() -> None:
    chunked = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b'5\r\n{"ok"\r\n14\r\n:true,"result":true}\r\n0\r\n\r\n'
    )
    answers = {1: chunked, 2: response(OK, "Connection: close"), 3: response(version="HTTP/1.0")}
    async with raw_server(lambda n: answers.get(n, response())) as (url, connections):
        client = PlainHttpRequest()
        for _ in range(4):
            assert await client.do_request(url, "POST") == (200, OK)
        await client.shutdown()
    assert len(connections) == 3  # a new connection after each closing response


async def test_a_connection_the_server_closed_while_idle_is_replaced() -> None:
    async with raw_server(
        lambda n: response(OK, "Connection: close") if n == 1 else response()
    ) as (url, connections):
        client = PlainHttpRequest()
        assert await client.do_request(url, "POST") == (200, OK)
        await asyncio.sleep(0.05)
        assert await client.do_request(url, "POST") == (200, OK)
        await client.shutdown()
    assert len(connections) == 2


async def test_a_dropped_connection_is_a_network_error_and_the_next_request_works() -> None:
    async with raw_server(lambda n: b"" if n == 1 else response()) as (url, _):
        client = PlainHttpRequest()
        with pytest.raises(NetworkError):
            await client.do_request(url, "POST")
        assert await client.do_request(url, "POST") == (200, OK)
        await client.shutdown()


async def test_a_slow_server_times_out(fake: FakeTelegram) -> None:
    fake.fail("getMe", Fault.delay(0.5))
    client = PlainHttpRequest(read_timeout=0.1)
    with pytest.raises(TimedOut):
        await client.do_request(f"{fake.base_url}{TOKEN}/getMe", "POST")
    await client.shutdown()


async def test_an_unreachable_server_and_https_are_network_errors() -> None:
    client = PlainHttpRequest()
    with FakeTelegram() as fake:
        port = fake.port
    with pytest.raises(NetworkError):
        await client.do_request(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe", "POST")
    with pytest.raises(NetworkError, match="plain http"):
        await client.do_request("https://api.telegram.org/botX/getMe", "POST")


async def test_a_document_is_sent_as_multipart_through_the_bot(fake: FakeTelegram) -> None:
    bot = Bot(TOKEN, base_url=fake.base_url, request=PlainHttpRequest())
    async with bot:
        message = await bot.send_document(
            42, InputFile(b"BEGIN:VCALENDAR", filename="frister.ics"), caption="Frister æøå"
        )
    [call] = fake.requests("sendDocument")
    assert call.fields["chat_id"] == 42 and call.fields["caption"] == "Frister æøå"
    assert call.fields["document"] == {"filename": "frister.ics", "size": 15}
    assert message.document is not None and message.document.file_name == "frister.ics"


def test_the_client_depends_on_the_bot_api_url() -> None:
    assert isinstance(http_request("http://127.0.0.1:8081/bot"), PlainHttpRequest)
    telegram = http_request(TELEGRAM_URL)
    assert isinstance(telegram, HTTPXRequest) and telegram._client.trust_env
    other = http_request("https://botapi.example.org/bot")
    assert isinstance(other, HTTPXRequest) and not other._client.trust_env
