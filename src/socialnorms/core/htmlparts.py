"""The small HTML pieces a finding draws itself with (``Finding._repr_html_`` in Jupyter):
the stylesheet, a severity badge, the evidence folded away, the finding as a card.

The HTML reporter (:mod:`socialnorms.reporters.html`) builds its pages from the same
pieces, so that a finding looks the same in a notebook and in a report.
"""

from __future__ import annotations

from html import escape

from .checks import Finding, Severity

__all__ = [
    "CSS",
    "SEVERITY_ICONS",
    "escaped",
    "evidence",
    "finding_card",
    "finding_time",
    "severity_badge",
]

#: An icon per severity, so that a severity reads without its colour.
SEVERITY_ICONS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "ℹ"}

CSS = """
.sn{--sn-fg:#1d1d1f;--sn-muted:#555;--sn-line:#d0d0d7;--sn-card:#f6f6f9;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--sn-fg);
background:#fff;line-height:1.45;max-width:62rem;margin:0 auto;padding:0 .75rem}
.sn h1{font-size:1.6rem;margin:.8rem 0 .2rem}.sn h2{font-size:1.3rem;margin:1.6rem 0 .5rem;
border-bottom:1px solid var(--sn-line)}.sn h3{font-size:1.05rem;margin:1.1rem 0 .4rem}
.sn p{margin:.3rem 0}.sn .muted{color:var(--sn-muted)}
.sn .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.8rem}
.sn .card{background:var(--sn-card);border:1px solid var(--sn-line);border-radius:.5rem;padding:.7rem .9rem}
.sn .card h3{margin:0 0 .3rem}.sn .big{font-size:2.2rem;font-weight:700;line-height:1.1}
.sn .level{font-weight:600;margin-left:.4rem}.sn .good{color:#0a6b2d}.sn .fair{color:#8a5a00}
.sn .poor{color:#b00020}.sn .bar{display:block;height:.45rem;background:#e4e4ea;border-radius:.2rem}
.sn .bar span{display:block;height:100%;background:#0072B2;border-radius:.2rem}
.sn ul.scores{list-style:none;padding:0;margin:.3rem 0}.sn ul.scores li{margin:.25rem 0}
.sn ul.scores .row{display:flex;justify-content:space-between;gap:.5rem}
.sn .wrap{overflow-x:auto}.sn table{border-collapse:collapse;width:100%;font-size:.92rem}
.sn table th,.sn table td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--sn-line)}
.sn th{background:var(--sn-card)}.sn td.num,.sn th.num{text-align:right}
.sn .sev{white-space:nowrap;font-weight:600}.sn .sev-error{color:#b00020}
.sn .sev-warning{color:#8a5a00}.sn .sev-info{color:#0b5394}
.sn code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em}
.sn details{margin:.2rem 0}.sn summary{cursor:pointer;color:#0b5394}
.sn figure{margin:.5rem 0 1rem}.sn figcaption{color:var(--sn-muted);margin-bottom:.3rem}
.sn svg.sn-chart{max-width:30rem;height:auto;display:block}
.sn .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,24rem),1fr));gap:0 1.5rem}
.sn .suggestion{color:var(--sn-muted)}
"""
"""The stylesheet of every view, scoped to an element of class ``sn``."""


def escaped(value: object) -> str:
    """``value`` as HTML text (``None`` as nothing)."""
    return escape("" if value is None else str(value))


def severity_badge(severity: Severity) -> str:
    """The severity as icon and word, coloured: readable without the colour."""
    return (
        f'<span class="sev sev-{severity.value}">'
        f'<span aria-hidden="true">{SEVERITY_ICONS[severity]}</span> {severity.value}</span>'
    )


def finding_time(finding: Finding) -> str:
    """The time of the finding's latest evidence, or a dash."""
    return finding.at.strftime("%Y-%m-%d %H:%M UTC") if finding.at else "–"


def evidence(finding: Finding) -> str:
    """The finding's actions and figures, folded away in ``<details>``."""
    items = "".join(f"<li><code>{escaped(i)}</code></li>" for i in finding.evidence)
    metrics = "".join(
        f'<tr><th scope="row">{escaped(k)}</th><td>{escaped(v)}</td></tr>'
        for k, v in sorted(finding.metrics.items())
    )
    body = ""
    if items:
        body += f"<p>Actions (latest {escaped(finding_time(finding))}):</p><ul>{items}</ul>"
    if metrics:
        body += f'<table><caption class="muted">Figures</caption>{metrics}</table>'
    if not body:
        return '<span class="muted">–</span>'
    count = len(finding.evidence)
    label = f"{count} action{'s' if count != 1 else ''}" if count else "figures"
    return f"<details><summary>{label}</summary>{body}</details>"


def finding_card(finding: Finding) -> str:
    """One finding as a styled card (the notebook view of a Finding)."""
    where = " · ".join(escaped(x) for x in (finding.subject, finding.account, finding.network) if x)
    suggestion = f"<p>Suggestion: {escaped(finding.suggestion)}</p>" if finding.suggestion else ""
    return (
        f'<style>{CSS}</style><div class="sn"><div class="card">'
        f"<p>{severity_badge(finding.severity)} <code>{escaped(finding.code)}</code> "
        f"{escaped(finding.rule)} "
        f'<span class="muted">[{escaped(finding.guideline)}]</span></p>'
        f'<p class="muted">{where} · {escaped(finding_time(finding))}</p>'
        f"<p>{escaped(finding.message)}</p>{suggestion}"
        f"{evidence(finding)}</div></div>"
    )
