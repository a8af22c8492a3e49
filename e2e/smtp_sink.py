"""A minimal SMTP server for the tests: accepts every message and appends it, as a JSON line, to a file.

Usage: python3 smtp_sink.py PORT FILE [--tls CERT KEY] [--login USER:PASSWORD]

Speaks just enough of RFC 5321 for a client that sends plain messages (EHLO/HELO, MAIL, RCPT, DATA,
RSET, NOOP, QUIT). With --tls it offers STARTTLS (RFC 3207) and, once the connection is encrypted,
AUTH PLAIN; with --login it refuses mail until the client has logged in with those credentials.
Each line records whether the message came over TLS and who logged in.
"""
import argparse
import base64
import json
import socketserver
import ssl

parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("file")
parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
parser.add_argument("--login")
arguments = parser.parse_args()
context = None
if arguments.tls:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*arguments.tls)


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 sink ready")
        sender, recipients, encrypted, user = None, [], False, None
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            command = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                offers = ["sink", "8BITMIME"]
                if context and not encrypted:
                    offers.append("STARTTLS")
                if encrypted:
                    offers.append("AUTH PLAIN")
                for offer in offers[:-1]:
                    self.reply("250-" + offer)
                self.reply("250 " + offers[-1])
            elif command.upper() == "STARTTLS" and context and not encrypted:
                self.reply("220 go ahead")
                self.connection = context.wrap_socket(self.connection, server_side=True)
                self.rfile = self.connection.makefile("rb")
                self.wfile = self.connection.makefile("wb")
                encrypted, sender, recipients = True, None, []
            elif verb == "AUTH":
                parts = command.split()
                if not encrypted:
                    self.reply("538 encryption required")
                    continue
                _, name, password = base64.b64decode(parts[2]).decode().split("\0")
                if arguments.login == f"{name}:{password}":
                    user = name
                    self.reply("235 authenticated")
                else:
                    self.reply("535 authentication failed")
            elif verb == "MAIL":
                if arguments.login and not user:
                    self.reply("530 authentication required")
                    continue
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
                with open(arguments.file, "a", encoding="utf-8") as out:
                    out.write(json.dumps({"from": sender, "to": recipients, "data": "\n".join(lines), "tls": encrypted, "user": user}) + "\n")
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
    with Server(("127.0.0.1", arguments.port), Session) as server:
        server.serve_forever()
