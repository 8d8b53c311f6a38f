"""The stock forms: receive, issue, adjust and add a quote, each a LedgerForm built from
its spec; what a saved movement says; and `i` on a supply job (issue, then offer to close
the job)."""

from __future__ import annotations

from collections.abc import Callable

from office_tui.core import inventory as core
from office_tui.core.inventory import IssueResult, Item, Movement
from office_tui.core.text import printable
from office_tui.i18n import _
from office_tui.tui.modals.confirm import Confirm
from office_tui.tui.modals.inventory.ledger_form import FieldSpec, FormSpec, LedgerForm


def _code_field(code: str) -> FieldSpec:
    return FieldSpec("code", _("Item code"), _("a code, a name or its pinyin: A4, toner, xg"), code, required=True)


def receive_form(code: str = "") -> LedgerForm:
    return LedgerForm(FormSpec(
        _("Receive a delivery"),
        [_code_field(code),
         FieldSpec("qty", _("Quantity"), _("e.g. 10"), required=True, quantity="positive"),
         FieldSpec("price", _("Unit price (optional)"), _("e.g. 23.50")),
         FieldSpec("supplier", _("Supplier (optional: the preferred one)")),
         FieldSpec("note", _("Delivery note (optional)"))],
        lambda svc, v: svc.inventory.receive(v["code"], v["qty"], price=v["price"] or None,
                                             supplier=v["supplier"] or None,
                                             note=v["note"] or None),
        _("receive the delivery"),
    ))


def issue_form(code: str = "", *, department: str = "", person: str = "",
               job_id: int | None = None, subtitle: str = "") -> LedgerForm:
    return LedgerForm(FormSpec(
        _("Issue stock") if job_id is None else _("Issue stock for job #{id}").format(id=job_id),
        [_code_field(code),
         FieldSpec("qty", _("Quantity"), _("e.g. 4"), required=True, quantity="positive"),
         FieldSpec("dept", _("Department"), _("e.g. Finance"), department, required=True),
         FieldSpec("person", _("Person (optional)"), "", person)],
        lambda svc, v: svc.inventory.issue(v["code"], v["qty"], department=v["dept"],
                                           person=v["person"] or None, job_id=job_id),
        _("issue the stock"),
        subtitle=subtitle,
    ))


def adjust_form(code: str = "") -> LedgerForm:
    return LedgerForm(FormSpec(
        _("Adjust the stock"),
        [_code_field(code),
         FieldSpec("qty", _("Change (signed)"), _("e.g. -1 or 2"), required=True,
                   quantity="signed"),
         FieldSpec("reason", _("Reason"), _("e.g. damaged"), required=True)],
        lambda svc, v: svc.inventory.adjust(v["code"], v["qty"], reason=v["reason"]),
        _("adjust the stock"),
    ))


def quote_form(code: str) -> LedgerForm:
    return LedgerForm(FormSpec(
        _("Add a quote for {code}").format(code=printable(code)),
        [FieldSpec("supplier", _("Supplier"), required=True),
         FieldSpec("price", _("Unit price"), _("e.g. 22.80"), required=True),
         FieldSpec("grade", _("Grade (A premium, B first class, C standard; optional)")),
         FieldSpec("service", _("Service note (optional)"), _("e.g. next-day delivery"))],
        lambda svc, v: svc.inventory.add_quote(code, supplier=v["supplier"], price=v["price"],
                                               grade=v["grade"] or None,
                                               service=v["service"] or None),
        _("add the quote"),
    ))


def movement_summary(movement: Movement, item: Item) -> str:
    qty = f"{core.format_milli(abs(movement.quantity_milli))} {core.unit_label(item.unit)}"
    stock = f"{core.format_milli(movement.balance_milli or 0)} {core.unit_label(item.unit)}"
    if movement.kind == "issue":
        return _("Issued {qty} of {code} to {dept}; {stock} left.").format(
            qty=qty, code=printable(item.code), dept=printable(movement.department),
            stock=stock)
    if movement.kind == "receive":
        return _("Received {qty} of {code}; stock now {stock}.").format(
            qty=qty, code=printable(item.code), stock=stock)
    return _("Adjusted {code} by {qty}; stock now {stock}.").format(
        code=printable(item.code), qty=core.format_milli(movement.quantity_milli), stock=stock)


def issue_for_job(app, job, close: Callable[[str], None]) -> None:
    """`i` on a supply job: the issue form for its department; after saving, offer to
    close the job with an outcome naming what was issued."""

    def saved(result: IssueResult | None) -> None:
        if result is None:
            return
        summary = movement_summary(result.movement, result.item)
        app.notify(summary, markup=False)
        for warning in result.warnings:
            app.notify(warning, severity="warning", markup=False, timeout=8)
        outcome = _("Issued {qty} {unit} of {name} ({code}) to {dept}").format(
            qty=core.format_milli(-result.movement.quantity_milli),
            unit=core.unit_label(result.item.unit), name=result.item.name,
            code=result.item.code, dept=result.movement.department)

        def answered(yes: bool | None) -> None:
            if yes:
                close(outcome)

        app.push_screen(Confirm(_("Close the job?"),
                                _("Outcome: {outcome}").format(outcome=printable(outcome)),
                                job=(job.id, job.title)),
                        answered)

    app.push_screen(issue_form(department=job.department or "", person=job.requester or "",
                               job_id=job.id, subtitle=printable(job.title)), saved)
