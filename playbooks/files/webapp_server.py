#!/usr/bin/python3
"""jsock demo web app: answers every GET with "hello from webapp".

It never binds a port itself: systemd (webapp.socket) listens and hands the listening socket over
when the first connection arrives, following the sd_listen_fds protocol: LISTEN_PID is our pid,
LISTEN_FDS the number of sockets, the first of them is file descriptor 3.
"""
import os
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SD_LISTEN_FDS_START = 3
BODY = b"hello from webapp\n"


class Hello(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))


def socket_from_systemd():
    if os.environ.get("LISTEN_PID") != str(os.getpid()) or int(os.environ.get("LISTEN_FDS", "0")) < 1:
        sys.exit("webapp: no listening socket from systemd; start it through webapp.socket")
    # family and type are read from the descriptor itself
    return socket.socket(fileno=SD_LISTEN_FDS_START)


def main():
    listener = socket_from_systemd()
    server = ThreadingHTTPServer(("", 0), Hello, bind_and_activate=False)
    server.socket.close()
    server.socket = listener
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
