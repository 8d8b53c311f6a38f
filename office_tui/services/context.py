"""The services' shared context and their composition root.

Services holds what every service shares (the database path and per-thread
connections, the clock, the working calendar, the urgency settings) and builds each
area's service with its collaborators passed in explicitly; a service is handed this
object only as its Context, never to reach another service through it. Cross-area
reactions are registered in one place, `Services.reactions`.

Each thread (the CLI, the TUI's UI thread and its workers) works on a connection of its
own, borrowed from the process's pool (office_tui/store/pool.py) when it first needs one
and given back when its session ends; the connections stay open until `close()`.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from office_tui.store.database import Database

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.urgency import UrgencySettings
from office_tui.services.errors import OfficeError
from office_tui.store import StoreError, data_version, open_database
from office_tui.store.pool import ConnectionPool

if TYPE_CHECKING:
    from office_tui.services.backup import BackupService
    from office_tui.services.assets import AssetService
    from office_tui.services.calendar import CalendarService
    from office_tui.services.canteen import CanteenService
    from office_tui.services.contacts import ContactService
    from office_tui.services.follow import FollowService
    from office_tui.services.history import HistoryService
    from office_tui.services.intake import IntakeService
    from office_tui.services.inventory import InventoryService
    from office_tui.services.jobs import JobService
    from office_tui.services.kits import KitService
    from office_tui.services.preferences import PreferenceService
    from office_tui.services.reactions import Reactions
    from office_tui.services.reports import ReportService
    from office_tui.services.rooms import RoomService
    from office_tui.services.routines import RoutineService
    from office_tui.services.today import TodayService
    from office_tui.services.utilities import UtilityService
    from office_tui.services.vehicle_log import VehicleLogService
    from office_tui.services.vehicles import VehicleService

Clock = Callable[[], datetime]


class Context(Protocol):
    """What a service may use of the root: the database, the clock, the calendar and the
    urgency settings. Other services are passed to a service when it is built."""

    db_path: Path
    urgency: UrgencySettings

    @property
    def db(self) -> Database: ...

    @property
    def calendar(self) -> WorkingCalendar: ...

    def now(self) -> datetime: ...

    def reload_calendar(self) -> None: ...

    def close(self) -> None: ...


def system_clock() -> datetime:
    return datetime.now().replace(microsecond=0)


class Services:
    def __init__(
        self,
        db_path: str | os.PathLike[str],
        *,
        clock: Clock = system_clock,
        calendar: WorkingCalendar | None = None,
        urgency: UrgencySettings | None = None,
        source: str | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.clock = clock
        self._fixed_calendar = calendar  # given (tests): used as it is
        self._calendar: WorkingCalendar | None = None
        self.urgency = urgency or UrgencySettings()
        self._local = threading.local()
        self._pool = ConnectionPool(self._open_connection)
        self._pool.set_source(source)

    def set_source(self, source: str | None) -> None:
        """Where this process's changes come from ("app", "cli"): kept with each event and
        shown in a job's history."""
        self._pool.set_source(source)

    def open(self) -> Services:
        """Open (and migrate) now, so a bad file is reported before anything else."""
        self.db  # noqa: B018 - opening is the point
        return self

    @property
    def db(self) -> Database:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self._pool.borrow()
        return db

    def _open_connection(self) -> Database:
        try:
            return open_database(self.db_path)
        except StoreError as exc:
            raise OfficeError(str(exc)) from None

    def load_demo(self, *, jobs: int = 0, force: bool = False) -> dict[str, int]:
        from office_tui.services.demo import load_demo

        return load_demo(self, jobs=jobs, force=force)

    @property
    def calendar(self) -> WorkingCalendar:
        """The working calendar: statutory days, local overrides, hours from settings."""
        if self._fixed_calendar is not None:
            return self._fixed_calendar
        found = self._calendar
        if found is None:
            found = self._calendar = self.calendars.build()
        return found

    @calendar.setter
    def calendar(self, value: WorkingCalendar) -> None:
        self._fixed_calendar = value

    def reload_calendar(self) -> None:
        """Forget the built calendar (after an override or new hours): rebuilt on next use."""
        self._calendar = None

    def now(self) -> datetime:
        return self.clock()

    def data_version(self) -> int:
        """Changes when another connection commits: cheap polling for live refresh."""
        return data_version(self.db)

    @contextlib.contextmanager
    def session(self) -> Iterator[Services]:
        """Use the services from a short-lived thread (a TUI worker): the thread's
        connection is closed when the block ends."""
        try:
            yield self
        finally:
            self.close_thread()

    def close_thread(self) -> None:
        """The calling thread is done with the database: its connection goes back to the
        pool (a transaction it left open is rolled back), open for the next thread."""
        db = getattr(self._local, "db", None)
        if db is None:
            return
        self._local.db = None
        self._pool.give_back(db)

    def close(self) -> None:
        """Close every connection of this process (at exit, or before a restore)."""
        self._pool.close()
        self._local = threading.local()

    # -- the composition root ------------------------------------------------------
    # Each area's service is built on first use and its module imported then: a command
    # touches one or two areas, and importing all of them costs ~10 ms per process. A
    # collaborator every verb of a service needs is passed built; one only a few verbs
    # need (a heavy area) is passed as a lookup, `lambda: self.area`, called when used.
    @functools.cached_property
    def reactions(self) -> Reactions:
        """Every cross-area reaction, registered here and nowhere else; each listener's
        area is imported only when its event fires (see services/reactions.py)."""
        from office_tui.services.reactions import JOB_CANCELLED, JOB_DUE_SET, Reactions

        reactions = Reactions()
        # A new due on an event moves its open kit-linked jobs (the same transaction).
        reactions.on(JOB_DUE_SET, lambda: self.kits.follow_event)
        # ...and moves the room booked for it, or refuses the move with the alternatives.
        reactions.on(JOB_DUE_SET, lambda: self.rooms.follow_job)
        # A cancelled job frees the room booked for it.
        reactions.on(JOB_CANCELLED, lambda: self.rooms.release_job)
        return reactions

    @functools.cached_property
    def jobs(self) -> JobService:
        from office_tui.services.jobs import JobService

        return JobService(self, reactions=self.reactions, history=lambda: self.history)

    @functools.cached_property
    def assets(self) -> AssetService:
        from office_tui.services.assets import AssetService

        return AssetService(self, jobs=self.jobs)

    @functools.cached_property
    def contacts(self) -> ContactService:
        from office_tui.services.contacts import ContactService

        return ContactService(self)

    @functools.cached_property
    def follow(self) -> FollowService:
        from office_tui.services.follow import FollowService

        return FollowService(self, jobs=self.jobs, contacts=self.contacts,
                             vehicles=lambda: self.vehicles,
                             inventory=lambda: self.inventory,
                             routines=lambda: self.routines)

    @functools.cached_property
    def intake(self) -> IntakeService:
        from office_tui.services.intake import IntakeService

        return IntakeService(self, jobs=self.jobs)

    @functools.cached_property
    def backups(self) -> BackupService:
        from office_tui.services.backup import BackupService

        return BackupService(self)

    @functools.cached_property
    def history(self) -> HistoryService:
        from office_tui.services.history import HistoryService

        return HistoryService(self)

    @functools.cached_property
    def vehicles(self) -> VehicleService:
        from office_tui.services.vehicles import VehicleService

        return VehicleService(self, jobs=lambda: self.jobs)

    @functools.cached_property
    def rooms(self) -> RoomService:
        from office_tui.services.rooms import RoomService

        return RoomService(self, jobs=lambda: self.jobs)

    @functools.cached_property
    def car_log(self) -> VehicleLogService:
        from office_tui.services.vehicle_log import VehicleLogService

        return VehicleLogService(self, vehicles=self.vehicles)

    @functools.cached_property
    def canteen(self) -> CanteenService:
        from office_tui.services.canteen import CanteenService

        return CanteenService(self)

    @functools.cached_property
    def utilities(self) -> UtilityService:
        from office_tui.services.utilities import UtilityService

        return UtilityService(self, jobs=lambda: self.jobs)

    @functools.cached_property
    def calendars(self) -> CalendarService:
        from office_tui.services.calendar import CalendarService

        return CalendarService(self)

    @functools.cached_property
    def routines(self) -> RoutineService:
        from office_tui.services.routines import RoutineService

        return RoutineService(self, jobs=self.jobs)

    @functools.cached_property
    def kits(self) -> KitService:
        from office_tui.services.kits import KitService

        return KitService(self, jobs=self.jobs, rooms=lambda: self.rooms)

    @functools.cached_property
    def reports(self) -> ReportService:
        from office_tui.services.reports import ReportService

        return ReportService(self, inventory=lambda: self.inventory,
                             vehicles=lambda: self.vehicles, car_log=lambda: self.car_log,
                             canteen=lambda: self.canteen, utilities=lambda: self.utilities)

    @functools.cached_property
    def today(self) -> TodayService:
        from office_tui.services.today import TodayService

        # The other areas' lines are filled in after the job sections are drawn.
        return TodayService(self, jobs=self.jobs, routines=self.routines,
                            reports=lambda: self.reports, vehicles=lambda: self.vehicles,
                            inventory=lambda: self.inventory, assets=lambda: self.assets,
                            rooms=lambda: self.rooms, utilities=lambda: self.utilities)

    @functools.cached_property
    def inventory(self) -> InventoryService:
        from office_tui.services.inventory import InventoryService

        return InventoryService(self, jobs=lambda: self.jobs)

    @functools.cached_property
    def preferences(self) -> PreferenceService:
        from office_tui.services.preferences import PreferenceService

        return PreferenceService(self)
