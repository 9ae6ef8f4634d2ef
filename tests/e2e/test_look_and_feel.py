"""Every kind of page looks like the site, on a laptop and on a phone (issue 20).

Full-page screenshots go to test-output/look/<width>/<page>.png. A page fails if it scrolls
sideways, if an input is narrower than its placeholder, if a button or a text field lacks the
site's styles (computed styles against site.css's design tokens), if the content touches the
footer or if a certificate code breaks across lines. axe-core finds no violation of any impact,
in Spanish and French, at both widths. Loading the public pages and the admin dashboard asks
no host but the site's.
"""

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, open_context
from .journeys import fill_in_profile, finish_course, sign_up
from .test_accessibility import axe_violations, learner_pages

LOOK = ROOT / "test-output" / "look"
WIDTHS = {1280: 800, 390: 844}

# Run in the page: what breaks the site's look, as a list of sentences.
PROBLEMS = """() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    const wide = [...document.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
    problems.push(`scrolls sideways: ${root.scrollWidth} > ${window.innerWidth} (${wide})`);
  }
  // The design tokens, as the browser computes them.
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;' +
    'padding:var(--field-padding);border:1px solid var(--field-border);' +
    'border-radius:var(--radius);background:var(--accent);color:var(--danger)';
  document.body.append(probe);
  const token = getComputedStyle(probe);
  const field = {padding: token.paddingLeft, border: token.borderTopColor,
                 radius: token.borderTopLeftRadius};
  const accent = token.backgroundColor, danger = token.color;
  probe.remove();
  const describe = e => e.tagName.toLowerCase() + (e.name ? `[name=${e.name}]` : '') +
    ` "${(e.textContent || e.placeholder || '').trim().slice(0, 30)}"`;
  const visible = e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden';
  const canvas = document.createElement('canvas').getContext('2d');
  const texts = 'input:not([type=checkbox]):not([type=radio]):not([type=hidden])' +
    ':not([type=submit]), select, textarea';
  for (const input of [...document.querySelectorAll(texts)].filter(visible)) {
    if (input.closest('.wagtail-userbar')) continue;
    const style = getComputedStyle(input);
    if (style.paddingLeft !== field.padding || style.borderTopColor !== field.border ||
        style.borderTopLeftRadius !== field.radius || style.borderTopStyle !== 'solid')
      problems.push(`field without the site's style: ${describe(input)} ` +
        `(padding ${style.paddingLeft}, border ${style.borderTopColor}, ` +
        `radius ${style.borderTopLeftRadius})`);
    if (input.placeholder) {
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) -
        parseFloat(style.paddingRight);
      if (canvas.measureText(input.placeholder).width > room)
        problems.push(`placeholder cut: ${describe(input)}`);
    }
  }
  const buttons = 'button, .button, input[type=submit]';
  for (const button of [...document.querySelectorAll(buttons)].filter(visible)) {
    if (button.closest('.wagtail-userbar')) continue;
    const style = getComputedStyle(button);
    const filled = [accent, danger].includes(style.backgroundColor);
    const quiet = style.backgroundColor === 'rgba(0, 0, 0, 0)' &&
      style.borderTopStyle === 'solid' && parseFloat(style.borderTopWidth) >= 1;
    if (!(filled || quiet) || style.borderTopLeftRadius !== field.radius)
      problems.push(`button without the site's style: ${describe(button)} ` +
        `(background ${style.backgroundColor}, border ${style.borderTopStyle})`);
  }
  const main = document.querySelector('main'), footer = document.querySelector('body > footer');
  if (main && footer) {
    const last = [...main.children].filter(visible).at(-1);
    const gap = footer.getBoundingClientRect().top - last.getBoundingClientRect().bottom;
    if (gap < 16) problems.push(`${describe(last)} is ${gap} px from the footer`);
  }
  for (const code of document.querySelectorAll('.certificate__code')) {
    const range = document.createRange();
    range.selectNodeContents(code);
    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    if (lines.size > 1) problems.push(`certificate code on ${lines.size} lines`);
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def learner(browser, site):
    """A browser logged in as a learner who has finished the course in Spanish, with the CSP
    bypassed for axe's inline script."""
    context = open_context(browser, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_up(page, site, "look@example.org", "es")
    fill_in_profile(page, full_name="María José Fernández de la Torre")
    finish_course(page, site, "es")
    yield page
    context.close()


@pytest.fixture(scope="module")
def visitor(browser):
    context = open_context(browser, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def every_page(learner, visitor, site, language):
    """[(name, browser page, address)] of every kind of page, in ``language``."""
    pages = [
        (name, learner, address) for name, address in learner_pages(learner, site, language).items()
    ]
    pages.append(("profile", learner, f"{site.url}/{language}/profile/"))
    pages.append(("password-change", learner, f"{site.url}/{language}/accounts/password/change/"))
    pages.append(("e-mail-addresses", learner, f"{site.url}/{language}/accounts/email/"))
    pages.append(("log-out", learner, f"{site.url}/{language}/accounts/logout/"))
    pages.append(("password-reset", visitor, f"{site.url}/{language}/accounts/password/reset/"))
    pages.append(("sign-up", visitor, f"{site.url}/{language}/accounts/signup/"))
    pages.append(("log-in", visitor, f"{site.url}/{language}/accounts/login/"))
    pages.append(("verification-form", visitor, f"{site.url}/{language}/certificates/verify/"))
    pages.append(("404", visitor, f"{site.url}/{language}/no-such-page/"))
    return pages


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_has_the_sites_look_in_spanish(learner, visitor, site, width):
    folder = LOOK / str(width)
    folder.mkdir(parents=True, exist_ok=True)
    found = {}
    for name, page, address in every_page(learner, visitor, site, "es"):
        page.set_viewport_size({"width": width, "height": WIDTHS[width]})
        page.goto(address)
        page.screenshot(path=folder / f"{name}.png", full_page=True)
        found[name] = page.evaluate(PROBLEMS)
    assert len(found) == 19
    assert found == {name: [] for name in found}


@pytest.mark.parametrize("language", ["es", "fr"])
def test_no_page_has_an_accessibility_violation_of_any_impact(learner, visitor, site, language):
    report = {}
    for width, height in WIDTHS.items():
        for name, page, address in every_page(learner, visitor, site, language):
            page.set_viewport_size({"width": width, "height": height})
            report[f"{name} at {width}"] = axe_violations(page, address)
    LOOK.mkdir(parents=True, exist_ok=True)
    (LOOK / f"axe-{language}.json").write_text(json.dumps(report, indent=2))
    assert len(report) == 38
    assert report == {name: [] for name in report}


def test_the_public_pages_and_the_admin_dashboard_ask_no_other_host(browser, site):
    context = open_context(browser)
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    for address in [
        "/es/",
        "/es/accounts/signup/",
        "/es/accounts/login/",
        "/es/certificates/verify/",
        "/es/no-such-page/",
        "/favicon.ico",
    ]:
        page.goto(site.url + address)
    page.goto(f"{site.url}/es/")
    page.locator("main a[href^='/es/']").first.click()
    page.wait_for_load_state("load")
    page.goto(f"{site.url}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "cip-admin-demo")
    page.locator("form button[type=submit]").click()
    expect(page.locator("main")).to_be_visible()
    page.wait_for_load_state("networkidle")
    context.close()
    own = urlsplit(site.url).netloc
    assert len(requested) > 10
    assert [url for url in requested if urlsplit(url).netloc not in {own, ""}] == []
