#!/usr/bin/env python3
"""Stand-in for a running Stash server (tests only; see ../README.md).

Answers <context>/status the way Stash does: {"state":"STARTING"} with 503 for
the first starting_seconds, then {"state":"RUNNING"} with 200, and logs each
answer before it sends it, so a test can read in what order things happened. Files in
<home>/standin-control/ change its behaviour while it runs, so tests can put it
in any state Stash can be in:

  starting     answer {"state":"STARTING"} with 503 for as long as it exists
  error        answer {"state":"ERROR"} with 500
  maintenance  answer {"state":"MAINTENANCE"} with 503
  first-run    answer {"state":"FIRST_RUN"} with 200
  mute         accept connections but never answer (a hung JVM)
  crash        exit at once with status 1 (a JVM that dies)
  crash-once   the same, once: the file is removed as the server dies, so the
               cluster's restart of it runs (a monitor failure with no start failure after it)
  ignore-term  ignore SIGTERM, so only SIGKILL ends it

Settings come from <home>/standin.conf, lines of key=value: port (7990),
address (127.0.0.1), context (empty; "/stash" serves /stash/status),
starting_seconds (5), stopping_seconds (1: how long STOPPING lasts after TERM).
Standard library only, Python 3.6 or later, so it runs on any node with pcs.
"""
import json
import os
import signal
import socketserver
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

DEFAULTS = {
    "port": "7990",
    "address": "127.0.0.1",
    "context": "",
    "starting_seconds": "5",
    "stopping_seconds": "1",
}
CODES = {"STARTING": 503, "RUNNING": 200, "FIRST_RUN": 200, "MAINTENANCE": 503,
         "STOPPING": 503, "ERROR": 500}


def log(message):
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    print("%s [stash-standin pid %d] %s" % (stamp, os.getpid(), message), flush=True)


def read_conf(path):
    conf = dict(DEFAULTS)
    try:
        with open(path) as handle:
            for line in handle:
                line = line.strip()
                if line and not line.startswith("#") and "=" in line:
                    key, value = line.split("=", 1)
                    conf[key.strip()] = value.strip()
    except FileNotFoundError:
        pass
    return conf


class Server:
    def __init__(self, home, conf):
        self.control = os.path.join(home, "standin-control")
        self.started = time.monotonic()
        self.starting_seconds = float(conf["starting_seconds"])
        self.stopping_seconds = float(conf["stopping_seconds"])
        self.stopping_since = None

    def flag(self, name):
        return os.path.exists(os.path.join(self.control, name))

    def take_flag(self, name):
        """Whether a one-shot control file was there; it is removed, so it acts once."""
        try:
            os.unlink(os.path.join(self.control, name))
            return True
        except FileNotFoundError:
            return False

    def state(self):
        if self.stopping_since is not None:
            return "STOPPING"
        if self.flag("error"):
            return "ERROR"
        if time.monotonic() - self.started < self.starting_seconds or self.flag("starting"):
            return "STARTING"
        if self.flag("maintenance"):
            return "MAINTENANCE"
        if self.flag("first-run"):
            return "FIRST_RUN"
        return "RUNNING"

    def on_term(self, signum, _frame):
        if self.flag("ignore-term"):
            log("ignoring signal %d (ignore-term is set)" % signum)
            return
        if self.stopping_since is None:
            log("signal %d: stopping" % signum)
            self.stopping_since = time.monotonic()

    def watch(self):
        while True:
            if self.flag("crash"):
                log("crash is set: dying")
                os._exit(1)
            if self.take_flag("crash-once"):
                log("crash-once was set: dying (the flag is gone, so a restart runs)")
                os._exit(1)
            if (self.stopping_since is not None
                    and time.monotonic() - self.stopping_since >= self.stopping_seconds):
                log("stopped")
                os._exit(0)
            time.sleep(0.1)


class ThreadingServer(socketserver.ThreadingMixIn, HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def make_handler(server, status_path):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            while server.flag("mute"):
                time.sleep(0.1)
            if self.path.split("?")[0] != status_path:
                self.reply(404, "text/plain", b"not found\n")
                return
            state = server.state()
            log("status: answering %s (%d)" % (state, CODES[state]))
            body = json.dumps({"state": state}, separators=(",", ":")).encode()
            self.reply(CODES[state], "application/json", body)

        def reply(self, code, kind, body):
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args):
            pass

    return Handler


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: standin-server.py HOME HOME_VARIABLE")
    home, home_var = sys.argv[1], sys.argv[2]
    conf = read_conf(os.path.join(home, "standin.conf"))
    server = Server(home, conf)
    signal.signal(signal.SIGTERM, server.on_term)
    signal.signal(signal.SIGINT, server.on_term)
    status_path = conf["context"].rstrip("/") + "/status"
    try:
        httpd = ThreadingServer((conf["address"], int(conf["port"])),
                                make_handler(server, status_path))
    except OSError as err:
        log("cannot listen on %s:%s: %s" % (conf["address"], conf["port"], err))
        sys.exit(1)
    log("serving http://%s:%s%s as uid %d, %s=%s"
        % (conf["address"], conf["port"], status_path, os.getuid(), home_var, home))
    threading.Thread(target=server.watch, daemon=True).start()
    httpd.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    main()
