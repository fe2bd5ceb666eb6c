"""A minimal Language Server Protocol client over stdio, to run the real yaml-language-server
(tests/contrib/test_yaml_language_server.py): open documents, collect their diagnostics."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path


class LanguageServer:
    def __init__(self, command: list[str], root: Path, settings: dict) -> None:
        self.settings = settings
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, cwd=root)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": None, "rootUri": root.as_uri(),
                                    "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                                    "capabilities": {"workspace": {"configuration": True},
                                                     "textDocument": {"publishDiagnostics": {}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    # --- wire ---------------------------------------------------------------------
    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def _next(self, timeout: float) -> dict:
        message = self.messages.get(timeout=timeout)
        if message is None:
            raise RuntimeError("the language server stopped")
        if "method" in message and "id" in message:  # a request from the server: answer it
            method = message["method"]
            if method == "workspace/configuration":
                result = [self.settings.get(item.get("section", ""), self.settings)
                          for item in message["params"]["items"]]
            else:
                result = None
            self._send({"id": message["id"], "result": result})
        return message

    def request(self, method: str, params: dict, timeout: float = 120) -> dict:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self._next(timeout)
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    # --- documents ------------------------------------------------------------------
    def diagnostics(self, paths: list[Path], timeout: float = 120) -> dict[Path, list[dict]]:
        """Open ``paths`` and return the first diagnostics the server publishes for each."""
        by_uri = {path.resolve().as_uri(): path for path in paths}
        for uri, path in by_uri.items():
            self.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text(encoding="utf-8")}})
        found: dict[Path, list[dict]] = {}
        while len(found) < len(by_uri):
            message = self._next(timeout)
            if message.get("method") == "textDocument/publishDiagnostics":
                uri = message["params"]["uri"]
                if uri in by_uri and by_uri[uri] not in found:
                    found[by_uri[uri]] = message["params"]["diagnostics"]
        return found

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=30)
            self.notify("exit", {})
            self.process.wait(timeout=30)
        except Exception:
            self.process.kill()
