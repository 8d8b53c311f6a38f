"""Schema migrations, each with an explicit id; PRAGMA user_version holds the id of the
last one run (ids are 1, 2, 3, ... in order, so that is also how many have run, as in
every file written before the ids were explicit).

A migration is frozen once released: it never changes, and it imports nothing that can
change later (no store or service code; what it needs is copied into it), so a file
migrated years from now ends exactly like one migrated today. A new schema is a new
migration appended at the end. tests/store/test_migrations.py migrates a file made by
the first release to the newest and compares it with a fresh one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from office_tui.core.pinyin import search_key
from office_tui.store.database import Database

# PRAGMA application_id of an office-tui database: "OTUI" in ASCII. Set by migration 11;
# files older than that have 0. It tells our files from other programs' SQLite files.
APPLICATION_ID = 0x4F545549


@dataclass(frozen=True)
class Migration:
    id: int
    name: str
    apply: Callable[[Database], None]


def _run(db: Database, script: str) -> None:
    # Not executescript(): it would COMMIT the migration's transaction half-way.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _m001_jobs_and_events(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT 'other' CHECK (category IN
                ('repair','vehicle','supply','reception','meeting','print','other')),
            department TEXT,
            requester TEXT,
            importance TEXT NOT NULL DEFAULT 'normal'
                CHECK (importance IN ('high','normal','low')),
            expedite INTEGER NOT NULL DEFAULT 0,
            due TEXT,
            due_source TEXT NOT NULL DEFAULT 'limit',
            promised_by TEXT,
            promise_reason TEXT,
            status TEXT NOT NULL DEFAULT 'inbox' CHECK (status IN
                ('inbox','open','in_progress','waiting','done','cancelled')),
            waiting_reason TEXT,
            waiting_since TEXT,
            outcome TEXT,
            cancel_reason TEXT,
            replied_at TEXT,
            reply_note TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            closed_at TEXT
        );
        CREATE INDEX jobs_open_due ON jobs (due)
            WHERE status IN ('inbox','open','in_progress','waiting');
        CREATE INDEX jobs_status ON jobs (status);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            before TEXT,
            after TEXT,
            undoes INTEGER REFERENCES events (id)
        );
        CREATE INDEX events_entity ON events (entity, entity_id);
        CREATE UNIQUE INDEX events_undoes ON events (undoes) WHERE undoes IS NOT NULL;
        CREATE TABLE departments (name TEXT PRIMARY KEY);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )


def _m002_inventory(db: Database) -> None:
    """Consumables: items with a running stock balance kept by a trigger from the
    append-only movements ledger (quantities in integer milli-units), quotes, quotas."""
    _run(
        db,
        """
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL,
            unit TEXT NOT NULL,
            category TEXT,
            location TEXT,
            reorder_level_milli INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level_milli >= 0),
            reorder_qty_milli INTEGER NOT NULL DEFAULT 0 CHECK (reorder_qty_milli >= 0),
            lead_days INTEGER NOT NULL DEFAULT 0 CHECK (lead_days >= 0),
            supplier TEXT,
            grade TEXT CHECK (grade IN ('A','B','C')),
            active INTEGER NOT NULL DEFAULT 1,
            stock_milli INTEGER NOT NULL DEFAULT 0 CHECK (stock_milli >= 0),
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX items_location ON items (location, code);
        CREATE TABLE movements (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items (id),
            kind TEXT NOT NULL CHECK (kind IN ('receive','issue','adjust','stocktake')),
            ts TEXT NOT NULL,
            quantity_milli INTEGER NOT NULL,
            counted_milli INTEGER CHECK (counted_milli >= 0),
            unit_price TEXT,
            supplier TEXT,
            delivery_note TEXT,
            department TEXT,
            person TEXT,
            job_id INTEGER,
            reason TEXT,
            CHECK ((kind = 'receive' AND quantity_milli > 0)
                OR (kind = 'issue' AND quantity_milli < 0 AND department IS NOT NULL)
                OR (kind = 'adjust' AND quantity_milli != 0)
                OR (kind = 'stocktake' AND counted_milli IS NOT NULL))
        );
        CREATE INDEX movements_item_ts ON movements (item_id, ts);
        CREATE INDEX movements_kind_ts ON movements (kind, ts, item_id, quantity_milli);
        CREATE INDEX movements_job ON movements (job_id) WHERE job_id IS NOT NULL;
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items (id),
            supplier TEXT NOT NULL,
            price TEXT NOT NULL,
            grade TEXT CHECK (grade IN ('A','B','C')),
            service TEXT,
            quoted TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE INDEX quotes_item ON quotes (item_id);
        CREATE TABLE quotas (
            item_id INTEGER NOT NULL REFERENCES items (id),
            department TEXT NOT NULL,
            period TEXT NOT NULL CHECK (period IN ('month','quarter','year')),
            quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
            PRIMARY KEY (item_id, department, period)
        )
        """,
    )
    # Trigger bodies hold semicolons, so each is one statement (not split by _run).
    db.execute(
        "CREATE TRIGGER movements_balance AFTER INSERT ON movements BEGIN "
        "UPDATE items SET stock_milli = stock_milli + NEW.quantity_milli "
        "WHERE id = NEW.item_id; END"
    )
    db.execute(
        "CREATE TRIGGER movements_no_update BEFORE UPDATE ON movements BEGIN "
        "SELECT RAISE(ABORT, 'the stock ledger is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER movements_no_delete BEFORE DELETE ON movements BEGIN "
        "SELECT RAISE(ABORT, 'the stock ledger is append-only'); END"
    )


def _m003_jobs_rank_indexes(db: Database) -> None:
    """Streams for the urgency ranking (one per importance/expedite/status bucket, in due
    order) and the archive in closing order: listing never scans the table."""
    _run(
        db,
        """
        CREATE INDEX jobs_rank ON jobs
            (importance, expedite, status, COALESCE(promised_by, due), id)
            WHERE status IN ('inbox','open','in_progress','waiting');
        CREATE INDEX jobs_closed_at ON jobs (closed_at, id) WHERE closed_at IS NOT NULL
        """,
    )


def _m004_vehicles(db: Database) -> None:
    """The vehicle roster: cars, drivers, bookings (times as naive local ISO 8601, like
    jobs) and the riders who joined a booking (一车前往). job_id has no foreign key: an
    undone job add deletes its row, and the booking's record must survive that."""
    _run(
        db,
        """
        CREATE TABLE vehicles (
            id INTEGER PRIMARY KEY,
            plate TEXT NOT NULL,
            plate_key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 99),
            status TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active','maintenance','retired')),
            odometer INTEGER NOT NULL DEFAULT 0 CHECK (odometer >= 0),
            next_service_date TEXT,
            next_service_km INTEGER,
            insurance_due TEXT,
            inspection_due TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE drivers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            phone TEXT,
            licence_expiry TEXT,
            active INTEGER NOT NULL DEFAULT 1,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE bookings (
            id INTEGER PRIMARY KEY,
            vehicle_id INTEGER NOT NULL REFERENCES vehicles (id),
            driver_id INTEGER REFERENCES drivers (id),
            start_at TEXT NOT NULL,
            end_at TEXT NOT NULL,
            destination TEXT NOT NULL,
            destination_key TEXT NOT NULL,
            department TEXT,
            requester TEXT,
            passengers INTEGER NOT NULL DEFAULT 1 CHECK (passengers >= 0),
            purpose TEXT,
            job_id INTEGER,
            status TEXT NOT NULL DEFAULT 'booked'
                CHECK (status IN ('booked','out','returned','cancelled')),
            out_at TEXT,
            returned_at TEXT,
            return_odometer INTEGER,
            fuel_litres REAL,
            cost REAL,
            cancel_reason TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK (end_at > start_at)
        );
        CREATE INDEX bookings_vehicle_time ON bookings (vehicle_id, start_at);
        CREATE INDEX bookings_driver_time ON bookings (driver_id, start_at)
            WHERE driver_id IS NOT NULL;
        CREATE INDEX bookings_time ON bookings (start_at, end_at);
        CREATE INDEX bookings_job ON bookings (job_id) WHERE job_id IS NOT NULL;
        CREATE TABLE booking_riders (
            id INTEGER PRIMARY KEY,
            booking_id INTEGER NOT NULL REFERENCES bookings (id),
            department TEXT,
            requester TEXT,
            passengers INTEGER NOT NULL CHECK (passengers >= 0),
            job_id INTEGER,
            created TEXT NOT NULL
        );
        CREATE INDEX booking_riders_booking ON booking_riders (booking_id)
        """,
    )


def _m005_day_queue(db: Database) -> None:
    """The day's queue: local calendar overrides, routines and the occurrences they made
    (one row per routine and day: the key that keeps an occurrence from becoming two
    jobs), event kits and the jobs they linked; indexes for the reports."""
    _run(
        db,
        """
        CREATE TABLE calendar_overrides (
            day TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('workday','holiday')),
            note TEXT,
            updated TEXT NOT NULL
        );
        CREATE TABLE routines (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            rule TEXT NOT NULL,
            at TEXT,
            category TEXT NOT NULL DEFAULT 'other' CHECK (category IN
                ('repair','vehicle','supply','reception','meeting','print','other')),
            importance TEXT NOT NULL DEFAULT 'normal'
                CHECK (importance IN ('high','normal','low')),
            department TEXT,
            starts TEXT NOT NULL,
            generated_through TEXT,
            paused INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE routine_occurrences (
            routine_id INTEGER NOT NULL REFERENCES routines (id),
            occurs_on TEXT NOT NULL,
            job_id INTEGER,
            created TEXT NOT NULL,
            UNIQUE (routine_id, occurs_on)
        );
        CREATE INDEX routine_occurrences_job ON routine_occurrences (job_id);
        CREATE TABLE kits (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE kit_items (
            id INTEGER PRIMARY KEY,
            kit_id INTEGER NOT NULL REFERENCES kits (id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            offset_spec TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT 'other' CHECK (category IN
                ('repair','vehicle','supply','reception','meeting','print','other')),
            importance TEXT NOT NULL DEFAULT 'normal'
                CHECK (importance IN ('high','normal','low'))
        );
        CREATE INDEX kit_items_kit ON kit_items (kit_id);
        CREATE TABLE kit_links (
            job_id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL,
            kit_id INTEGER,
            kit_name TEXT NOT NULL,
            offset_spec TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE INDEX kit_links_event ON kit_links (event_id);
        CREATE INDEX jobs_created ON jobs (created);
        CREATE INDEX jobs_awaiting_reply ON jobs (closed_at)
            WHERE status = 'done' AND replied_at IS NULL
        """,
    )


def _m006_event_groups(db: Database) -> None:
    """Events written in one transaction share `txn` (the id of its first event), so an
    undo reverts a whole action: a stocktake, a booking that started its job, a kit."""
    _run(
        db,
        """
        ALTER TABLE events ADD COLUMN txn INTEGER;
        UPDATE events SET txn = id;
        CREATE INDEX events_txn ON events (txn)
        """,
    )


# Frozen copies of the store's key functions as they were when migration 7 was written
# (store.jobs.row_key, store.inventory.item_key). search_key itself is the pinyin reading
# of the texts: a key this migration writes must equal the one the running version
# writes for the same row, or a search would miss it; a change of the key's format
# comes with its own migration that writes every key again.
_M007_JOB_FIELDS = ("title", "department", "requester")
_M007_ITEM_FIELDS = ("code", "name", "category", "location")


def _m007_job_key(row: dict[str, Any]) -> str:
    return search_key(*(row.get(c) for c in _M007_JOB_FIELDS))


def _m007_item_key(row: dict[str, Any]) -> str:
    return search_key(*(row.get(c) for c in _M007_ITEM_FIELDS))


def _m007_search_keys(db: Database) -> None:
    """Pinyin search: jobs and items store a search_key (the texts, their full pinyin and
    initials: 会议室 huiyishi hys) written with every row; existing rows get theirs here."""
    _run(db, "ALTER TABLE jobs ADD COLUMN search_key TEXT; "
             "ALTER TABLE items ADD COLUMN search_key TEXT")
    for table, fields, key in (("jobs", _M007_JOB_FIELDS, _m007_job_key),
                               ("items", _M007_ITEM_FIELDS, _m007_item_key)):
        last = 0
        while True:  # in batches by id: a million jobs never sit in memory at once
            found = db.execute(
                f"SELECT id, {', '.join(fields)} FROM {table} WHERE id > ? ORDER BY id "
                "LIMIT 5000", [last]).fetchall()
            if not found:
                break
            db.conn.executemany(
                f"UPDATE {table} SET search_key = ? WHERE id = ?",
                [(key(dict(zip(fields, r[1:]))), r[0]) for r in found])
            last = found[-1][0]


def _m008_booking_length(db: Database) -> None:
    """The longest booking, read from an index: a timeline window then reads only the
    bookings that start between (window start - longest booking) and the window end,
    whatever the years of history before it (store.vehicles.bookings_between)."""
    _run(db, "CREATE INDEX bookings_length ON bookings "
             "((julianday(end_at) - julianday(start_at)))")


def _m009_jobs_rank_covers_search(db: Database) -> None:
    """jobs_rank also holds the searched texts: a search walks the urgency streams (or
    counts its matches) in the index alone, reading from the table only the rows shown."""
    _run(
        db,
        """
        DROP INDEX jobs_rank;
        CREATE INDEX jobs_rank ON jobs
            (importance, expedite, status, COALESCE(promised_by, due), id,
             search_key, title, department, requester)
            WHERE status IN ('inbox','open','in_progress','waiting')
        """,
    )


def _m010_report_ranges(db: Database) -> None:
    """The reports read ranges, never the history: the done jobs by closing with what the
    on-time rule needs (the week's on-time rate is counted in this index alone), the open
    jobs by creation (the backlog and its ages are counted in it) - both hold status, or
    SQLite would read each row to test the index's own condition - and each item's newest
    movements in id order with their prices (the average price reads only that window)."""
    _run(
        db,
        """
        CREATE INDEX jobs_done_closed ON jobs (closed_at, due, promised_by, status)
            WHERE status = 'done';
        CREATE INDEX jobs_open_created ON jobs (created, status)
            WHERE status IN ('inbox','open','in_progress','waiting');
        CREATE INDEX movements_item_window ON movements
            (item_id, id, kind, quantity_milli, unit_price)
        """,
    )


def _m011_application_id(db: Database) -> None:
    """Mark the file as office-tui's (PRAGMA application_id), so a restore or a check can
    tell it from another program's SQLite file that happens to have a `jobs` table."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _m012_job_location_and_event_source(db: Database) -> None:
    """A job's location (a room or place: 3F 会议室), searched like its other texts, so
    jobs_rank holds it too; where each event came from (app or cli); and the closed jobs
    without a closing time (written by hand or an old version: normally none), so the
    closed view reads them from an index after those in jobs_closed_at."""
    _run(
        db,
        """
        ALTER TABLE jobs ADD COLUMN location TEXT;
        ALTER TABLE events ADD COLUMN source TEXT;
        DROP INDEX jobs_rank;
        CREATE INDEX jobs_rank ON jobs
            (importance, expedite, status, COALESCE(promised_by, due), id,
             search_key, title, department, requester, location)
            WHERE status IN ('inbox','open','in_progress','waiting');
        CREATE INDEX jobs_closed_undated ON jobs (id)
            WHERE closed_at IS NULL AND status IN ('done','cancelled')
        """,
    )


# The measure units of core.inventory when migration 13 was written: quantities of these
# may be fractions (2.5 kg); every other unit counts whole things.
_M013_MEASURES = ("kg", "l", "m")


def _m013_item_packs(db: Database) -> None:
    """Per item: its packs (a JSON object, unit -> milli-units of the item's own unit:
    {"case": 5000} is 1 case = 5 packs) and whether fractions are allowed. Measures
    (kg, l, m) allow them, and so does an item whose ledger already holds a fraction, so
    nothing that worked before is refused now."""
    _run(
        db,
        """
        ALTER TABLE items ADD COLUMN packs TEXT;
        ALTER TABLE items ADD COLUMN fractions INTEGER NOT NULL DEFAULT 0
        """,
    )
    marks = ", ".join("?" for _ in _M013_MEASURES)
    db.execute(
        f"UPDATE items SET fractions = 1 WHERE unit IN ({marks}) OR stock_milli % 1000 != 0 "
        "OR reorder_level_milli % 1000 != 0 OR reorder_qty_milli % 1000 != 0 "
        "OR id IN (SELECT item_id FROM movements WHERE quantity_milli % 1000 != 0 "
        "OR counted_milli % 1000 != 0)",
        list(_M013_MEASURES))


def _m014_intake_keywords(db: Database) -> None:
    """The clerk's own intake words (`keyword add 漏水 repair`): a message holding one asks
    for its category, above the words shipped with the program."""
    _run(
        db,
        """
        CREATE TABLE intake_keywords (
            id INTEGER PRIMARY KEY,
            word TEXT NOT NULL UNIQUE,
            category TEXT NOT NULL CHECK (category IN
                ('repair','vehicle','supply','reception','meeting','print','other')),
            created TEXT NOT NULL
        )
        """,
    )


def _m015_follow_through(db: Database) -> None:
    """Contacts (通讯录), one list with the drivers: the drivers table becomes `contacts`
    (its rows keep their ids, so bookings still name their driver; SQLite renames the
    reference) with a department, a role (a driver's is "driver") and a pinyin search
    key. Jobs gain a handler (责任人), a referral to another department with its
    follow-up day, and the reply sent; progress notes and reply templates get tables. The
    new lists read indexed ranges: follow-ups by day, open jobs by handler, and a
    department's recent open jobs (the duplicates check)."""
    from office_tui.core.pinyin import search_key

    _run(
        db,
        """
        ALTER TABLE drivers RENAME TO contacts;
        ALTER TABLE contacts ADD COLUMN department TEXT;
        ALTER TABLE contacts ADD COLUMN role TEXT;
        ALTER TABLE contacts ADD COLUMN search_key TEXT;
        UPDATE contacts SET role = 'driver';
        ALTER TABLE jobs ADD COLUMN handler TEXT;
        ALTER TABLE jobs ADD COLUMN referred_to TEXT;
        ALTER TABLE jobs ADD COLUMN referred_person TEXT;
        ALTER TABLE jobs ADD COLUMN follow_up TEXT;
        ALTER TABLE jobs ADD COLUMN reply_text TEXT;
        CREATE INDEX jobs_follow_up ON jobs (follow_up, id)
            WHERE follow_up IS NOT NULL AND status IN ('inbox','open','in_progress','waiting');
        CREATE INDEX jobs_handler ON jobs (handler, id)
            WHERE handler IS NOT NULL AND status IN ('inbox','open','in_progress','waiting');
        CREATE INDEX jobs_dept_created ON jobs (department, created)
            WHERE status IN ('inbox','open','in_progress','waiting');
        CREATE INDEX jobs_replied ON jobs (replied_at) WHERE replied_at IS NOT NULL;
        CREATE TABLE job_notes (
            id INTEGER PRIMARY KEY,
            job_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX job_notes_job ON job_notes (job_id, id);
        CREATE TABLE reply_templates (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            created TEXT NOT NULL
        )
        """,
    )
    for contact_id, name in db.execute("SELECT id, name FROM contacts").fetchall():
        db.execute("UPDATE contacts SET search_key = ? WHERE id = ?",
                   [search_key(name), contact_id])


def _m016_fixed_assets(db: Database) -> None:
    """Fixed assets (固定资产): the register (value as exact decimal text), department
    heads, half-yearly counts with one line per asset in walking order, and a repair
    job's link to its asset. Every list reads an index: by department or location, by
    keeper, loans by due day, a count's lines in order, an asset's repair jobs."""
    _run(
        db,
        """
        CREATE TABLE assets (
            id INTEGER PRIMARY KEY,
            tag TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL,
            category TEXT,
            model TEXT,
            serial TEXT,
            value TEXT NOT NULL,
            purchased TEXT NOT NULL,
            life_years INTEGER,
            keeper TEXT,
            department TEXT,
            location TEXT,
            status TEXT NOT NULL DEFAULT 'in_use'
                CHECK (status IN ('in_use','idle','lent','in_repair','disposed')),
            notes TEXT,
            lent_to TEXT,
            lent_due TEXT,
            search_key TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX assets_department ON assets (department, tag);
        CREATE INDEX assets_location ON assets (location, tag);
        CREATE INDEX assets_keeper ON assets (keeper, tag);
        CREATE INDEX assets_status ON assets (status, tag);
        CREATE INDEX assets_lent ON assets (lent_due) WHERE status = 'lent';
        CREATE TABLE dept_heads (
            id INTEGER PRIMARY KEY,
            department TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL
        );
        CREATE TABLE asset_counts (
            id INTEGER PRIMARY KEY,
            scope_kind TEXT NOT NULL,
            scope TEXT,
            started TEXT NOT NULL,
            finished TEXT
        );
        CREATE TABLE asset_count_lines (
            id INTEGER PRIMARY KEY,
            count_id INTEGER NOT NULL REFERENCES asset_counts (id),
            asset_id INTEGER NOT NULL REFERENCES assets (id),
            seq INTEGER NOT NULL,
            result TEXT CHECK (result IN ('found','missing','damaged')),
            found_at TEXT,
            note TEXT,
            marked TEXT,
            UNIQUE (count_id, asset_id)
        );
        CREATE INDEX asset_count_lines_seq ON asset_count_lines (count_id, seq);
        ALTER TABLE jobs ADD COLUMN asset_id INTEGER;
        CREATE INDEX jobs_asset ON jobs (asset_id) WHERE asset_id IS NOT NULL
        """,
    )


def _m017_rooms_and_car_log(db: Database) -> None:
    """Meeting rooms on the roster and the cars' service and cost log. A room booking keeps
    the window its room is held (buffers included) so a clash is read from the index
    room_bookings_held as a range; a series shares the id of its first booking. A car's
    service intervals are stored on the car; each service or renewal is one log row, its
    cost in cents (exact)."""
    _run(
        db,
        """
        CREATE TABLE rooms (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 2000),
            location TEXT,
            equipment TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
            closed_until TEXT,
            closed_reason TEXT,
            buffer_before INTEGER NOT NULL DEFAULT 0,
            buffer_after INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE room_bookings (
            id INTEGER PRIMARY KEY,
            room_id INTEGER NOT NULL REFERENCES rooms (id),
            start_at TEXT NOT NULL,
            end_at TEXT NOT NULL,
            held_from TEXT NOT NULL,
            held_to TEXT NOT NULL,
            title TEXT NOT NULL,
            department TEXT,
            people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0),
            needs TEXT,
            job_id INTEGER,
            series_id INTEGER,
            status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','cancelled')),
            cancel_reason TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK (end_at > start_at)
        );
        CREATE INDEX room_bookings_held ON room_bookings (held_from);
        CREATE INDEX room_bookings_room ON room_bookings (room_id, held_from);
        CREATE INDEX room_bookings_job ON room_bookings (job_id) WHERE job_id IS NOT NULL;
        CREATE INDEX room_bookings_series ON room_bookings (series_id)
            WHERE series_id IS NOT NULL;
        ALTER TABLE vehicles ADD COLUMN service_every_km INTEGER;
        ALTER TABLE vehicles ADD COLUMN service_every_months INTEGER;
        CREATE TABLE vehicle_log (
            id INTEGER PRIMARY KEY,
            vehicle_id INTEGER NOT NULL REFERENCES vehicles (id),
            kind TEXT NOT NULL CHECK (kind IN ('service','insurance','inspection')),
            day TEXT NOT NULL,
            km INTEGER,
            work TEXT,
            cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),
            garage TEXT,
            until TEXT,
            created TEXT NOT NULL
        );
        CREATE INDEX vehicle_log_day ON vehicle_log (vehicle_id, day);
        CREATE INDEX vehicle_log_all_days ON vehicle_log (day);
        CREATE INDEX bookings_returned ON bookings (returned_at) WHERE status = 'returned'
        """,
    )


def _m018_canteen_and_utilities(db: Database) -> None:
    """Canteen meal counts (one row per day, department and meal; late ones marked), what
    the kitchen served, utility meters (price and multiplier as exact decimal text) and
    their readings, and the repair jobs made from a meter's flag. A day's sheet or a month
    is a range of meal_counts_day; a meter's readings a range of meter_readings_day."""
    _run(
        db,
        """
        CREATE TABLE meal_counts (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            department TEXT NOT NULL,
            meal TEXT NOT NULL,
            count INTEGER NOT NULL CHECK (count >= 0),
            guests INTEGER NOT NULL DEFAULT 0 CHECK (guests >= 0),
            late INTEGER NOT NULL DEFAULT 0,
            late_reason TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            UNIQUE (day, department, meal)
        );
        CREATE INDEX meal_counts_day ON meal_counts (day, department);
        CREATE TABLE meals_served (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            meal TEXT NOT NULL,
            count INTEGER NOT NULL CHECK (count >= 0),
            UNIQUE (day, meal)
        );
        CREATE TABLE meters (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            unit TEXT NOT NULL,
            price TEXT NOT NULL,
            department TEXT,
            multiplier TEXT NOT NULL DEFAULT '1',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE meter_readings (
            id INTEGER PRIMARY KEY,
            meter_id INTEGER NOT NULL REFERENCES meters (id),
            day TEXT NOT NULL,
            value TEXT NOT NULL,
            reset INTEGER NOT NULL DEFAULT 0,
            reason TEXT,
            created TEXT NOT NULL
        );
        CREATE INDEX meter_readings_day ON meter_readings (meter_id, day);
        CREATE TABLE meter_jobs (
            job_id INTEGER PRIMARY KEY,
            meter_id INTEGER NOT NULL REFERENCES meters (id)
        );
        CREATE INDEX meter_jobs_meter ON meter_jobs (meter_id)
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "jobs and events", _m001_jobs_and_events),
    Migration(2, "inventory", _m002_inventory),
    Migration(3, "jobs rank indexes", _m003_jobs_rank_indexes),
    Migration(4, "vehicles", _m004_vehicles),
    Migration(5, "day queue", _m005_day_queue),
    Migration(6, "event groups", _m006_event_groups),
    Migration(7, "search keys", _m007_search_keys),
    Migration(8, "booking length", _m008_booking_length),
    Migration(9, "jobs rank covers search", _m009_jobs_rank_covers_search),
    Migration(10, "report ranges", _m010_report_ranges),
    Migration(11, "application id", _m011_application_id),
    Migration(12, "job location and event source", _m012_job_location_and_event_source),
    Migration(13, "item packs", _m013_item_packs),
    Migration(14, "intake keywords", _m014_intake_keywords),
    Migration(15, "contacts and follow-through", _m015_follow_through),
    Migration(16, "fixed assets", _m016_fixed_assets),
    Migration(17, "rooms and the cars' log", _m017_rooms_and_car_log),
    Migration(18, "canteen and utilities", _m018_canteen_and_utilities),
)
# user_version = the id of the last migration run = how many have run: files written
# before the ids were explicit hold the count, and must keep meaning the same.
if [m.id for m in MIGRATIONS] != list(range(1, len(MIGRATIONS) + 1)):
    raise RuntimeError("migration ids must be 1, 2, 3, ... in order")
SCHEMA_VERSION = MIGRATIONS[-1].id


def apply_pending(db: Database) -> None:
    """Run the migrations after the file's user_version, each followed by its id (inside
    the caller's write transaction)."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    for migration in MIGRATIONS[current:]:
        migration.apply(db)
        db.execute(f"PRAGMA user_version = {migration.id}")
