"""A minimal SMTP server for the tests: accepts every message and appends it, as a JSON line, to a file.

Usage: python3 smtp_sink.py PORT FILE. Speaks just enough of RFC 5321 for a client that sends plain
messages (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT); no TLS, no AUTH.
"""
import json
import socketserver
import sys


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.reply("220 sink ready")
        sender, recipients = None, []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            command = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250-sink")
                self.reply("250 8BITMIME")
            elif verb == "MAIL":
                sender, recipients = command[10:].strip("<> "), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command[8:].strip("<> "))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with .")
                lines = []
                while True:
                    line = self.rfile.readline().decode("utf-8", "replace").rstrip("\r\n")
                    if line == ".":
                        break
                    lines.append(line[1:] if line.startswith(".") else line)
                with open(sys.argv[2], "a", encoding="utf-8") as out:
                    out.write(json.dumps({"from": sender, "to": recipients, "data": "\n".join(lines)}) + "\n")
                self.reply("250 queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    with Server(("127.0.0.1", int(sys.argv[1])), Session) as server:
        server.serve_forever()
