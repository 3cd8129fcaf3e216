"""uvicorn's sans-I/O websocket protocol, with a shutdown that tolerates a closing connection.

On SIGTERM uvicorn 0.55 sends its own close frame (1012) on every websocket it has not closed
itself. When the laptop has already begun the closing handshake (its sync round just ended),
websockets refuses that frame (``InvalidState: connection is closing``), and the exception ends
uvicorn's shutdown: a traceback instead of a JSON log line, the rest of the shutdown skipped and
a failing exit status for systemd. Such a connection needs no goodbye: its room is told it is
gone and the socket is closed, as uvicorn does for one whose close it sent.
"""

from __future__ import annotations

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.protocol import State


class ShutdownTolerantProtocol(WebSocketsSansIOProtocol):
    def shutdown(self) -> None:
        if self.handshake_complete and not self.close_sent and self.conn.state is not State.OPEN:
            self.stop_keepalive()
            self.queue.put_nowait({"type": "websocket.disconnect", "code": 1012})
            self.transport.close()
            return
        super().shutdown()
