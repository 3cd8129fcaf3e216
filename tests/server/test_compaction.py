"""A room's stored history squashed into one row loses nothing and shrinks.

On a real PostgreSQL database, through ``PostgresYStore`` (what the server calls when it loads
a room with more than ``compact_after_updates`` rows): 1,000 edits stored one row each, then
compacted. A laptop that was offline since edit 500, with an edit of its own, still merges.
"""

from __future__ import annotations

import anyio
from pycrdt import Doc, Map, Text, merge_updates
from sqlalchemy import create_engine, text

from server.ystore import PostgresYStore

ROOM = "5f0c1c1e9f5a4c7a8d7e6b5a4c3d2e1f"


def test_compaction_keeps_every_edit_in_one_smaller_row(database_url):
    engine = create_engine(database_url)
    store = PostgresYStore(ROOM, engine=engine)
    rep: Doc = Doc()
    people, notes = rep.get("people", type=Map), rep.get("notes", type=Text)
    updates: list[bytes] = []
    rep.observe(lambda event: updates.append(event.update))
    offline: Doc = Doc()

    async def main() -> None:
        people["p1"] = Map({"title": ""})
        for i in range(1000):
            if i % 2:
                notes.insert(len(notes), f"note {i}. ")
            else:
                people["p1"]["title"] = f"Title {i}"
            if i == 500:
                offline.apply_update(rep.get_update())  # a laptop goes offline here
        for update in updates:
            await store.write(update)
        assert await store.count() == len(updates) == 1001
        assert await store.compact() == 1001

    anyio.run(main)
    with engine.connect() as connection:
        stored = (
            connection.execute(
                text("SELECT yupdate FROM room_updates WHERE room = :r"), {"r": ROOM}
            )
            .scalars()
            .all()
        )
    engine.dispose()
    assert len(stored) == 1
    # As small as the document's own state: the 499 overwritten titles are not kept (pycrdt's
    # merge_updates would keep them: 1.3 times the size here).
    assert len(stored[0]) <= len(rep.get_update())
    assert len(stored[0]) < len(merge_updates(*updates)) / 1.2
    fresh: Doc = Doc()
    fresh.apply_update(bytes(stored[0]))
    assert fresh.get("people", type=Map).to_py() == {"p1": {"title": "Title 998"}}
    assert str(fresh.get("notes", type=Text)) == str(notes)
    # The offline laptop's own edit and the compacted room merge both ways.
    offline.get("notes", type=Text).insert(0, "[offline] ")
    offline.apply_update(bytes(stored[0]))
    fresh.apply_update(offline.get_update())
    assert str(offline.get("notes", type=Text)) == str(fresh.get("notes", type=Text))
    assert str(fresh.get("notes", type=Text)).startswith("[offline] note 1. ")
