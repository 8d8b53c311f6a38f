from office_tui.services import OfficeError


def test_quick_add_example_from_the_issue(services):
    job = services.jobs.add("修 三楼会议室 灯管 !high due:today @总务科 #报修")
    assert job.title == "修 三楼会议室 灯管"
    assert job.importance == "high"
    assert job.category == "repair"
    assert job.department == "总务科"
    assert job.due.isoformat() == "2026-11-27T17:30:00"
    listed = services.jobs.list()
    assert [j.id for j in listed] == [job.id]


def test_done_without_outcome_is_refused_and_changes_nothing(services):
    job = services.jobs.add("fix the door")
    try:
        services.jobs.done(job.id, "")
    except OfficeError as exc:
        assert "outcome" in str(exc)
    else:
        raise AssertionError("done without an outcome was accepted")
    assert services.jobs.get(job.id).status == "inbox"
