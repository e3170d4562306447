"""A minimal Language Server Protocol client, to drive the YAML language
server as VS Code's YAML extension does: same server, same settings, same
requests (hover, completion, diagnostics)."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any


class LanguageServer:
    """One server process over stdio, with a workspace folder and its settings."""

    def __init__(self, command: list[str], workspace: Path, settings: dict[str, Any]) -> None:
        self.workspace = workspace
        self.settings = settings
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._responses: queue.Queue[dict[str, Any]] = queue.Queue()
        self._diagnostics: dict[str, list[dict[str, Any]]] = {}
        self._published = threading.Condition()
        self._next_id = 0
        self._versions: dict[str, int] = {}
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": workspace.as_uri(),
                "workspaceFolders": [{"uri": workspace.as_uri(), "name": workspace.name}],
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "completion": {"completionItem": {"snippetSupport": True, "documentationFormat": ["markdown", "plaintext"]}},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "publishDiagnostics": {},
                    },
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    # --- the protocol -------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers: dict[str, str] = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, value = line.split(":", 1)
                headers[name.lower()] = value.strip()
            message = json.loads(stream.read(int(headers["content-length"])))
            if "method" in message and "id" in message:
                self._answer(message)
            elif message.get("method") == "textDocument/publishDiagnostics":
                with self._published:
                    self._diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
                    self._published.notify_all()
            elif "id" in message:
                self._responses.put(message)

    def _answer(self, message: dict[str, Any]) -> None:
        """The server asks for its settings as the editor would give them."""
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [self.settings.get(item.get("section")) if item.get("section") else self.settings for item in message["params"]["items"]]
        self._send({"id": message["id"], "result": result})

    def request(self, method: str, params: dict[str, Any], timeout: float = 30) -> Any:
        self._next_id += 1
        number = self._next_id
        self._send({"id": number, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._responses.get(timeout=max(0.1, deadline - time.monotonic()))
            if message["id"] == number:
                assert "error" not in message, message["error"]
                return message.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    # --- what an editor does ---------------------------------------------------

    def open(self, path: Path, text: str | None = None) -> str:
        """Open (or retype) a file in the editor; returns its URI."""
        uri = path.resolve().as_uri()
        text = path.read_text("utf-8") if text is None else text
        with self._published:
            self._diagnostics.pop(uri, None)
        if uri in self._versions:
            self._versions[uri] += 1
            self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": self._versions[uri]}, "contentChanges": [{"text": text}]})
        else:
            self._versions[uri] = 1
            self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        return uri

    def diagnostics(self, uri: str, timeout: float = 30) -> list[dict[str, Any]]:
        """The problems the editor underlines in the file."""
        with self._published:
            self._published.wait_for(lambda: uri in self._diagnostics, timeout=timeout)
            assert uri in self._diagnostics, f"no diagnostics published for {uri}"
            return self._diagnostics[uri]

    def hover(self, uri: str, line: int, character: int) -> str:
        """The tooltip's text over a position (0-based)."""
        result = self.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
        if not result:
            return ""
        contents = result["contents"]
        return contents["value"] if isinstance(contents, dict) else str(contents)

    def complete(self, uri: str, line: int, character: int) -> dict[str, str]:
        """The completion list at a position: each label with its documentation."""
        result = self.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
        items = result["items"] if isinstance(result, dict) else (result or [])
        shown = {}
        for item in items:
            documentation = item.get("documentation") or ""
            shown[item["label"]] = documentation.get("value", "") if isinstance(documentation, dict) else documentation
        return shown

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=5)
            self.notify("exit", {})
            self.process.wait(timeout=5)
        except Exception:  # noqa: BLE001 - a server that will not stop is killed
            self.process.kill()
