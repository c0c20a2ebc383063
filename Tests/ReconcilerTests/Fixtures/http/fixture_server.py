"""A tiny HTTP server for transport tests: echoes requests and answers chosen statuses.

Prints "port N" once listening on 127.0.0.1 (port 0 picks a free one); exits when its stdin closes.
"""
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.startswith("/status/"):
            status = int(self.path.split("/")[2])
            payload = {"error_code": "FIXTURE_%d" % status, "message": "fixture status %d" % status}
            extra = {"Retry-After": "2"} if status in (429, 503) else {}
            return self._send(status, payload, extra)
        if self.path.startswith("/slow"):
            time.sleep(3)
        if self.path.startswith("/stall"):
            return self._stall()
        payload = {
            "method": self.command,
            "path": self.path,
            "user_agent": self.headers.get("User-Agent"),
            "content_type": self.headers.get("Content-Type"),
            "body": body.decode("utf-8"),
        }
        self._send(200, payload, {"X-Fixture": "yes"})

    def _stall(self):
        """Headers and a first byte at once, then silence for 4 seconds before the rest."""
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{")
        self.wfile.flush()
        time.sleep(4)
        self.wfile.write(b"}")

    def _send(self, status, payload, extra):
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _answer


def exit_when_parent_closes_stdin():
    sys.stdin.read()
    os._exit(0)


signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
threading.Thread(target=exit_when_parent_closes_stdin, daemon=True).start()
ThreadingHTTPServer.request_queue_size = 128  # clients open many connections at once
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("port %d" % server.server_address[1], flush=True)
server.serve_forever()
