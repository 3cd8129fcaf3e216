"""Run the application under uvicorn, with TLS when the configuration names a certificate."""

from __future__ import annotations

import uvicorn

from server.app import create_app
from server.config import Config
from server.db import make_engine
from server.logs import configure_logging
from server.ws_protocol import ShutdownTolerantProtocol


def serve(config: Config) -> None:
    """Serve until stopped (SIGINT/SIGTERM end it cleanly; uvicorn handles the signals)."""
    configure_logging(config.log_level)
    app = create_app(config, make_engine(config.database_url))
    uvicorn.run(
        app,
        host=config.host,
        port=config.port,
        ssl_certfile=str(config.tls_cert) if config.tls_cert else None,
        ssl_keyfile=str(config.tls_key) if config.tls_key else None,
        log_config=None,  # keep our JSON handler (configure_logging) for uvicorn's loggers too
        ws=ShutdownTolerantProtocol,  # uvicorn's "websockets-sansio", mended at shutdown
        ws_max_size=64 * 1024 * 1024,  # a 10,000-person account is ~1.2 MB; leave room to grow
        lifespan="on",
    )
