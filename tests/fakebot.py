"""A fake Telegram Bot API server: real HTTP on 127.0.0.1, Telegram's JSON shapes, faults.

The real python-telegram-bot Application talks to it through its base URL
(``http://127.0.0.1:PORT/bot``; requests go to ``/bot<TOKEN>/<method>``). It
records every request it receives (method and decoded fields), counts the
connections it accepts, hands updates out through getUpdates long polling, and
can answer a method with a fault: HTTP 429 with ``retry_after``, 403, 500, a
slow reply, or a dropped connection; for every chat, or for one chat only.

Hand-written on purpose (like aiogram's MockedSession): no mocks, the bot under
test runs unchanged. Helpers build updates the way Telegram does, with
``bot_command`` and ``mention`` entities (UTF-16 offsets). The server runs in
its own threads, so it works with a bot in the same event loop (use the async
``wait_for``) or in another process (``wait_for_sync``).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import socket
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

TOKEN = "123456789:AAF-fake-token-for-tests-only_xyz"
BOT_ID = 123456789
USERNAME = "tilskudd_test_bot"
JSON_FIELDS = {
    "reply_markup",
    "results",
    "commands",
    "entities",
    "caption_entities",
    "link_preview_options",
    "reply_parameters",
    "scope",
    "allowed_updates",
    "button",
    "media",
}
INT_FIELDS = {
    "chat_id",
    "message_id",
    "offset",
    "limit",
    "timeout",
    "cache_time",
    "reply_to_message_id",
}


@dataclass(frozen=True)
class Fault:
    """How the server misbehaves for one request of a method."""

    kind: str  # "status", "delay", "hold" or "drop"
    status: int = 200
    description: str = ""
    retry_after: int | None = None
    seconds: float = 0.0
    gate: threading.Event | None = None
    entered: threading.Event | None = None

    @classmethod
    def flood(cls, retry_after: int = 1) -> Fault:
        """HTTP 429 Too Many Requests with parameters.retry_after."""
        return cls(
            "status", 429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after
        )

    @classmethod
    def forbidden(cls) -> Fault:
        """HTTP 403: the user blocked the bot."""
        return cls("status", 403, "Forbidden: bot was blocked by the user")

    @classmethod
    def server_error(cls, status: int = 500) -> Fault:
        """HTTP 5xx from Telegram."""
        return cls("status", status, "Internal Server Error")

    @classmethod
    def bad_request(cls, description: str = "Bad Request: chat not found") -> Fault:
        """HTTP 400."""
        return cls("status", 400, description)

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Answer normally, but only after some seconds."""
        return cls("delay", seconds=seconds)

    @classmethod
    def hold(cls, gate: threading.Event, seconds: float = 30.0) -> Fault:
        """Answer normally once the test opens the gate (at most after some seconds)."""
        return cls("delay", seconds=seconds, gate=gate, entered=threading.Event())

    @classmethod
    def drop(cls) -> Fault:
        """Close the connection without any response."""
        return cls("drop")


@dataclass
class Call:
    """One request the server received."""

    method: str
    fields: dict[str, Any]
    at: float
    fault: str | None = None  # None: served normally
    result: Any = None

    @property
    def delivered(self) -> bool:
        """Tell whether the request was served (a delay still serves it)."""
        return self.fault is None or self.fault.startswith("delay")


def utf16_len(text: str) -> int:
    """Return a text's length in UTF-16 code units, as Telegram counts offsets."""
    return len(text.encode("utf-16-le")) // 2


def entities_for(text: str) -> list[dict[str, Any]]:
    """Return the entities Telegram would add: a leading bot command and @mentions."""
    found = []
    command = re.match(r"/[A-Za-z0-9_]+(?:@\w+)?", text)
    if command:
        found.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group(0))})
    for m in re.finditer(r"(?<![\w/])@[A-Za-z]\w{3,31}", text):
        found.append(
            {"type": "mention", "offset": utf16_len(text[: m.start()]), "length": utf16_len(m[0])}
        )
    return found


class FakeTelegram:
    """The fake Bot API server. Use as a context manager, or start() and stop()."""

    def __init__(self, token: str = TOKEN, username: str = USERNAME) -> None:
        """Prepare an unstarted server on a free port."""
        self.token = token
        self.username = username
        self.bot_user = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Tilskuddsbot",
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        self.calls: list[Call] = []
        self.faults: dict[str, deque[Fault]] = defaultdict(deque)
        self.chat_faults: dict[tuple[str, int], deque[Fault]] = defaultdict(deque)
        self.updates: list[dict[str, Any]] = []
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.connections = 0  # TCP connections accepted: keep-alive reuses them
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._query_ids = itertools.count(1)
        self._cond = threading.Condition()
        self._stopping = False
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.on_call: Callable[[Call], None] | None = None
        self.chat_admins: dict[int, list[int]] = {}  # group chat id -> its administrators

    # --- lifecycle ------------------------------------------------------------------------

    def start(self) -> FakeTelegram:
        """Listen on 127.0.0.1 and a free port, serving in a background thread."""
        fake = self

        class Handler(_Handler):
            server_fake = fake

        class Server(ThreadingHTTPServer):
            request_queue_size = 128  # a burst of new connections must not overflow the backlog

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; wake any long poll."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FakeTelegram:
        """Start."""
        return self.start()

    def __exit__(self, *exc: object) -> None:
        """Stop."""
        self.stop()

    @property
    def port(self) -> int:
        """Return the port listened on."""
        assert self._server is not None, "not started"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """Return the Bot API base URL (the token is appended by the client)."""
        return f"http://127.0.0.1:{self.port}/bot"

    # --- updates --------------------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update; an ``update_id`` is added unless present."""
        with self._cond:
            if "update_id" not in update:
                update = {"update_id": next(self._update_ids), **update}
            self.updates.append(update)
            self._cond.notify_all()
        return update

    def user(self, user_id: int) -> dict[str, Any]:
        """Return a (human) user object."""
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": f"Bruker{user_id}",
            "language_code": "nb",
        }

    def chat(self, chat_id: int, chat_type: str = "private") -> dict[str, Any]:
        """Return (and remember) a chat object."""
        if chat_type == "private":
            chat = {"id": chat_id, "type": "private", "first_name": f"Bruker{chat_id}"}
        else:
            chat = {"id": chat_id, "type": chat_type, "title": f"Gruppe {chat_id}"}
        self.chats[chat_id] = chat
        return chat

    def message(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        user_id: int | None = None,
        chat_type: str = "private",
        reply_to: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Build a message object from a user, with Telegram's entities."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat(chat_id, chat_type),
            "from": self.user(user_id if user_id is not None else abs(chat_id)),
        }
        if text is not None:
            message["text"] = text
            if entities := entities_for(text):
                message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        message.update(extra or {})
        return message

    def send_text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        chat_type: str = "private",
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Push a text message (commands and mentions get their entities)."""
        msg = self.message(chat_id, text, user_id=user_id, chat_type=chat_type, reply_to=reply_to)
        self.push({"message": msg})
        return msg

    def command(self, chat_id: int, text: str, **kwargs: Any) -> dict[str, Any]:
        """Push a command such as '/faq klagerett' (with its bot_command entity)."""
        assert text.startswith("/"), "a command starts with /"
        return self.send_text(chat_id, text, **kwargs)

    def send_media(self, chat_id: int, kind: str = "sticker", **kwargs: Any) -> dict[str, Any]:
        """Push a sticker, photo or voice message."""
        media: dict[str, Any] = {
            "sticker": {
                "file_id": "st1",
                "file_unique_id": "st1u",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            },
            "photo": [{"file_id": "ph1", "file_unique_id": "ph1u", "width": 90, "height": 90}],
            "voice": {"file_id": "vo1", "file_unique_id": "vo1u", "duration": 3},
        }
        msg = self.message(chat_id, None, extra={kind: media[kind]}, **kwargs)
        self.push({"message": msg})
        return msg

    def edit_text(self, message: dict[str, Any], text: str) -> dict[str, Any]:
        """Push an edited_message for a message sent earlier."""
        edited = {**message, "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        if entities := entities_for(text):
            edited["entities"] = entities
        self.push({"edited_message": edited})
        return edited

    def press_button(
        self,
        chat_id: int,
        label: str | None = None,
        *,
        data: str | None = None,
        user_id: int | None = None,
    ) -> dict[str, Any]:
        """Press a button (by label or callback data) on the newest bot message that has it."""
        with self._cond:
            for (chat, _), message in sorted(self.messages.items(), key=lambda kv: -kv[0][1]):
                if chat != chat_id:
                    continue
                for row in message.get("reply_markup", {}).get("inline_keyboard", []):
                    for button in row:
                        if (label is not None and button["text"] == label) or (
                            data is not None and button.get("callback_data") == data
                        ):
                            return self._press(message, button["callback_data"], user_id)
        raise AssertionError(
            f"no button {label or data!r} in chat {chat_id}: {self.buttons(chat_id)}"
        )

    def press_data(
        self, chat_id: int, data: str, *, user_id: int | None = None, message_id: int = 1
    ) -> dict[str, Any]:
        """Press a button with arbitrary callback data (a stale or forged one)."""
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self.chats.get(chat_id) or self.chat(chat_id),
            "from": self.bot_user,
            "text": "…",
        }
        return self._press(message, data, user_id)

    def _press(self, message: dict[str, Any], data: str, user_id: int | None) -> dict[str, Any]:
        """Push a callback query for a message."""
        query = {
            "id": str(next(self._query_ids)),
            "from": self.user(user_id if user_id is not None else abs(message["chat"]["id"])),
            "chat_instance": f"ci{message['chat']['id']}",
            "message": message,
            "data": data,
        }
        self.push({"callback_query": query})
        return query

    def inline_query(self, query: str, *, user_id: int = 4242) -> dict[str, Any]:
        """Push an inline query ('@botname query' typed in any chat)."""
        inline = {
            "id": f"iq{next(self._query_ids)}",
            "from": self.user(user_id),
            "query": query,
            "offset": "",
        }
        self.push({"inline_query": inline})
        return inline

    # --- faults ---------------------------------------------------------------------------

    def fail(self, method: str, *faults: Fault, chat_id: int | None = None) -> None:
        """Answer the next requests of a method (to one chat, if given) with these faults."""
        with self._cond:
            if chat_id is None:
                self.faults[method].extend(faults)
            else:
                self.chat_faults[(method, chat_id)].extend(faults)

    # --- inspection -----------------------------------------------------------------------

    def requests(self, method: str | None = None, *, delivered: bool = True) -> list[Call]:
        """Return the requests received (by default only those served)."""
        with self._cond:
            return [
                c
                for c in self.calls
                if (method is None or c.method == method) and (c.delivered or not delivered)
            ]

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Return the fields of every sendMessage served, optionally for one chat."""
        return [
            c.fields
            for c in self.requests("sendMessage")
            if chat_id is None or c.fields.get("chat_id") == chat_id
        ]

    def texts(self, chat_id: int | None = None) -> list[str]:
        """Return the texts of every sendMessage served."""
        return [str(f.get("text", "")) for f in self.sent(chat_id)]

    def buttons(self, chat_id: int) -> list[str]:
        """Return the labels of the buttons on the newest bot message of a chat that has any."""
        with self._cond:
            for (chat, _), message in sorted(self.messages.items(), key=lambda kv: -kv[0][1]):
                rows = message.get("reply_markup", {}).get("inline_keyboard", [])
                if chat == chat_id and rows:
                    return [b["text"] for row in rows for b in row]
        return []

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Wait (without blocking the event loop) until predicate() is truthy; return it."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; received: {self.summary()}")
            await asyncio.sleep(0.005)

    async def wait_for_texts(self, chat_id: int, count: int = 1, timeout: float = 5.0) -> list[str]:
        """Wait until a chat has received ``count`` messages; return their texts."""
        await self.wait_for(lambda: len(self.texts(chat_id)) >= count, timeout)
        return self.texts(chat_id)

    def wait_for_sync(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Block until predicate() is truthy (for a bot in another process)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"timed out; received: {self.summary()}")
                self._cond.wait(remaining)

    def summary(self) -> str:
        """Describe what was received, for failure messages."""
        return ", ".join(f"{c.method}{'!' + c.fault if c.fault else ''}" for c in self.calls[-30:])

    # --- serving (called from the handler threads) ----------------------------------------

    def handle(self, method: str, fields: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
        """Serve one request: (HTTP status, JSON body), or body None to drop the connection."""
        with self._cond:
            chat = fields.get("chat_id")
            mine = self.chat_faults.get((method, chat)) if isinstance(chat, int) else None
            queue = mine or self.faults.get(method)
            fault = queue.popleft() if queue else None
        if fault is not None and fault.kind == "drop":
            self._record(Call(method, fields, time.monotonic(), "drop"))
            return 0, None
        if fault is not None and fault.kind == "status":
            body: dict[str, Any] = {
                "ok": False,
                "error_code": fault.status,
                "description": fault.description,
            }
            if fault.retry_after is not None:
                body["parameters"] = {"retry_after": fault.retry_after}
            self._record(Call(method, fields, time.monotonic(), f"http{fault.status}"))
            return fault.status, body
        if fault is not None and fault.kind == "delay":
            if fault.gate is None:
                time.sleep(fault.seconds)
            else:
                if fault.entered is not None:
                    fault.entered.set()
                fault.gate.wait(fault.seconds)
        serve = getattr(self, f"_api_{method}", None)
        if serve is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        result = serve(fields)
        label = f"delay{fault.seconds}" if fault is not None else None
        if method != "getUpdates" or result:
            self._record(Call(method, fields, time.monotonic(), label, result))
        return 200, {"ok": True, "result": result}

    def _record(self, call: Call) -> None:
        """Keep a call and wake the waiters."""
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()
        if self.on_call is not None:
            self.on_call(call)

    def _sent_message(self, fields: dict[str, Any], **content: Any) -> dict[str, Any]:
        """Build and remember a message sent by the bot."""
        chat_id = int(fields["chat_id"])
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chats.get(chat_id)
            or {"id": chat_id, "type": "private" if chat_id > 0 else "group", "title": "Gruppe"},
            "from": self.bot_user,
            **content,
        }
        if "reply_markup" in fields:
            message["reply_markup"] = fields["reply_markup"]
        with self._cond:
            self.messages[(chat_id, message["message_id"])] = message
        return message

    def _api_getMe(self, fields: dict[str, Any]) -> Any:
        return self.bot_user

    def _api_deleteWebhook(self, fields: dict[str, Any]) -> Any:
        if fields.get("drop_pending_updates") in (True, "true", "True"):
            with self._cond:
                self.updates.clear()
        return True

    def _api_getUpdates(self, fields: dict[str, Any]) -> Any:
        offset = int(fields.get("offset") or 0)
        limit = int(fields.get("limit") or 100)
        deadline = time.monotonic() + float(fields.get("timeout") or 0)
        with self._cond:
            while True:
                self.updates = [u for u in self.updates if u.get("update_id", 0) >= offset]
                if self.updates or self._stopping:
                    return self.updates[:limit]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                self._cond.wait(remaining)

    def _api_sendMessage(self, fields: dict[str, Any]) -> Any:
        return self._sent_message(fields, text=fields.get("text", ""))

    def _api_sendDocument(self, fields: dict[str, Any]) -> Any:
        doc = fields.get("document")
        name = doc.get("filename", "file") if isinstance(doc, dict) else "file"
        document = {"file_id": "doc1", "file_unique_id": "doc1u", "file_name": name}
        return self._sent_message(fields, document=document)

    def _api_editMessageText(self, fields: dict[str, Any]) -> Any:
        if "inline_message_id" in fields:
            return True
        key = (int(fields["chat_id"]), int(fields["message_id"]))
        with self._cond:
            message = dict(self.messages.get(key) or {"message_id": key[1], "date": 0})
        message.update(text=fields.get("text", ""), edit_date=int(time.time()))
        message.setdefault("chat", self.chats.get(key[0]) or {"id": key[0], "type": "private"})
        message["from"] = self.bot_user
        message.pop("reply_markup", None)
        if "reply_markup" in fields:
            message["reply_markup"] = fields["reply_markup"]
        with self._cond:
            self.messages[key] = message
        return message

    def _api_answerCallbackQuery(self, fields: dict[str, Any]) -> Any:
        return True

    def _api_answerInlineQuery(self, fields: dict[str, Any]) -> Any:
        return True

    def _api_setMyCommands(self, fields: dict[str, Any]) -> Any:
        return True

    def _api_sendChatAction(self, fields: dict[str, Any]) -> Any:
        return True

    def _api_setWebhook(self, fields: dict[str, Any]) -> Any:
        return True

    def _api_getChatAdministrators(self, fields: dict[str, Any]) -> Any:
        rights = (
            "can_manage_chat",
            "can_delete_messages",
            "can_manage_video_chats",
            "can_restrict_members",
            "can_change_info",
            "can_invite_users",
        )
        return [
            {
                "status": "administrator",
                "user": self.user(user_id),
                "can_be_edited": False,
                "is_anonymous": False,
                "can_promote_members": False,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
                **dict.fromkeys(rights, True),
            }
            for user_id in self.chat_admins.get(int(fields["chat_id"]), [])
        ]


def decode_fields(content_type: str, body: bytes) -> dict[str, Any]:
    """Decode a form (urlencoded or multipart) into fields, JSON fields parsed.

    A file part becomes ``{"filename", "size"}``; its bytes are kept under the extra field
    ``uploads`` (by part name), which no Bot API method has.
    """
    raw: dict[str, Any] = {}
    uploads: dict[str, bytes] = {}
    if content_type.startswith("multipart/form-data"):
        message = BytesParser().parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
        )
        for part in message.get_payload():  # type: ignore[union-attr]
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename:
                uploads[name] = payload
            raw[name] = (
                {"filename": filename, "size": len(payload)}
                if filename
                else payload.decode("utf-8")
            )
    elif body:
        raw = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    fields: dict[str, Any] = {}
    for key, value in raw.items():
        if key in JSON_FIELDS and isinstance(value, str):
            value = json.loads(value)
        elif key in INT_FIELDS and isinstance(value, str) and re.fullmatch(r"-?\d+", value):
            value = int(value)
        fields[key] = value
    if uploads:
        fields["uploads"] = uploads
    return fields


class _Handler(BaseHTTPRequestHandler):
    """HTTP/1.1 keep-alive handler for /bot<TOKEN>/<method>."""

    protocol_version = "HTTP/1.1"
    timeout = 60
    server_fake: FakeTelegram

    def setup(self) -> None:
        """Send replies at once (no Nagle delay between headers and body)."""
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server_fake._cond:
            self.server_fake.connections += 1

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet."""

    def do_POST(self) -> None:
        """Serve a Bot API request."""
        self._serve()

    def do_GET(self) -> None:
        """Serve a Bot API request sent with GET."""
        self._serve()

    def _serve(self) -> None:
        fake = self.server_fake
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        prefix = f"/bot{fake.token}/"
        if not self.path.startswith(prefix):
            self._reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        method = self.path[len(prefix) :].split("?", 1)[0]
        fields = decode_fields(self.headers.get("Content-Type") or "", body)
        status, payload = fake.handle(method, fields)
        if payload is None:
            self.close_connection = True  # drop: no response at all
            return
        self._reply(status, payload)

    def _reply(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (a cancelled long poll)
