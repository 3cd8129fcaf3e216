"""Callbrief team server: shared accounts as CRDT rooms over the y-websocket protocol.

An ASGI application (Starlette under uvicorn) that keeps one ``pycrdt`` document per shared
account (the room name is the account uid), persists every accepted update in PostgreSQL before
it is relayed, and authorises every connection from users, teams, territories and grants. It
imports nothing from ``desktop``: the laptop side talks to it only over HTTP and websockets.
"""
