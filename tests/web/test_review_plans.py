"""A district federation drafts, issues and launches its plan in the browser at 360 px: the
plan form with its sections and added rows (phases, award forms, quotas, grounds), a period
that ends before it starts refused next to its field in Vietnamese with nothing written and
the typed values kept; then issue and launch; the province sees it in its plan's cascade."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from domain.plan import Period
from services import plans
from services.context import SYSTEM
from tests.web.pages import assert_accessible, assert_fits_width, person, sign_in
from tests.web.review_story import district_with_unions

THEME = "90 ngày nước rút vượt chỉ tiêu về đích, hoàn thành xuất sắc nhiệm vụ năm 2021"


async def checked(page, keep_screenshot, name: str) -> None:
    await assert_accessible(page)
    await assert_fits_width(page)
    await keep_screenshot(page, name)


async def province_plan(site, story) -> str:
    drafted = await plans.draft_plan(site.platform, story.tenant, SYSTEM, issuing_unit_id=story.root,
                                     theme="90 ngày nước rút vượt chỉ tiêu về đích", kind="sprint",
                                     period=Period(date(2021, 10, 1), date(2021, 12, 31)),
                                     eligible_subjects=["collective"])
    await plans.issue_plan(site.platform, story.tenant, SYSTEM, drafted.id, number="265/KH-LĐLĐ",
                           issued_on=date(2021, 9, 28), signer="", capacity="TM. Ban Thường vụ")
    await plans.launch_plan(site.platform, story.tenant, SYSTEM, drafted.id, on=date(2021, 9, 28))
    return str(drafted.id)


async def fill(page, **fields: str) -> None:
    for name, value in fields.items():
        await page.fill(f"#f-{name}", value)


async def test_draft_refused_then_issued_and_launched(site, phone, tenant_id, keep_screenshot):
    province_email, password = await person(site, tenant_id, "officer")
    story = await district_with_unions(site.platform, tenant_id, ["CĐCS Công ty Hoàng Phúc"])
    parent = await province_plan(site, story)
    district_email, _ = await person(site, tenant_id, "officer", unit=story.district)

    await sign_in(phone, district_email, password)
    await phone.click("nav >> text=Kế hoạch ban hành")
    await phone.click("text=Soạn kế hoạch")
    assert urlsplit(phone.url).path == "/issued-plans/new"
    await checked(phone, keep_screenshot, "review-plan-form")

    await fill(phone, theme=THEME, period_start="2021-10-01", period_end="2021-09-30")
    await phone.select_option("#f-kind", "sprint")
    await fill(phone, **{"phase_name-0": "90 ngày nước rút", "phase_start-0": "2021-10-01",
                         "phase_end-0": "2021-11-15", "phase_registration-0": "2021-10-12",
                         "phase_dossier-0": "2021-12-29"})
    await phone.click("[data-rows=phase] [data-add-row]")  # the form's own script adds a blank row
    await fill(phone, **{"phase_name-1": "Về đích", "phase_start-1": "2021-11-16", "phase_end-1": "2021-12-31"})
    for standard in ("registered", "exceeded_targets", "reported_on_time"):
        await phone.check(f"input[name=standards][value={standard}]")
    await fill(phone, **{"award_name-0": "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh",
                         "award_code-0": "bk_bch_ldld_tinh", "award_issuer-0": "BCH LĐLĐ tỉnh",
                         "award_rule_key-0": "bang_khen_ldld_tinh", "award_pool-0": "de_nghi_bang_khen",
                         "quota_pool-0": "de_nghi_bang_khen", "quota_max_count-0": "4", "dossier_copies-0": "1",
                         "report_days": "25", "parent_number-0": "265/KH-LĐLĐ", "parent_issued_on-0": "2021-09-28",
                         "parent_issuer-0": "Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh"})
    await phone.select_option("#f-dossier_kind-0", "submission_memo")
    await phone.select_option("#f-parent_relation-0", "implements")
    await phone.select_option("#f-parent_plan-0", f"{tenant_id}/{parent}")
    await phone.click("button[type=submit].primary")

    assert "Ngày kết thúc trước ngày bắt đầu" in await phone.inner_text("#e-period_end")
    assert await phone.get_attribute("#f-period_end", "aria-invalid") == "true"
    assert await phone.input_value("#f-theme") == THEME, "the typed values are kept"
    assert await phone.input_value("#f-phase_name-1") == "Về đích"
    assert urlsplit(phone.url).path == "/issued-plans/new"
    await checked(phone, keep_screenshot, "review-plan-form-refused")
    await phone.goto("/issued-plans")
    assert THEME not in await phone.inner_text("main"), "the refused draft wrote nothing"
    await phone.go_back()

    await fill(phone, period_end="2021-12-31")
    await phone.click("button[type=submit].primary")
    assert urlsplit(phone.url).path.startswith("/issued-plans/") and await phone.inner_text("h1") == THEME
    facts = await phone.inner_text("dl.facts")
    assert "Dự thảo" in facts and "LĐLĐ huyện Gò Dầu" in facts
    assert "Về đích" in await phone.inner_text("main")
    await checked(phone, keep_screenshot, "review-plan-drafted")

    await fill(phone, number="16/KH-LĐLĐ", issued_on="2021-09-30", capacity="TM. Ban Thường vụ – Phó Chủ tịch")
    await phone.click("text=Ban hành >> xpath=self::button")
    assert "Đã ban hành" in await phone.inner_text("dl.facts")
    await fill(phone, on="2021-10-01")
    await phone.click("button:has-text('Phát động')")
    facts = await phone.inner_text("dl.facts")
    assert "Đã phát động" in facts and "16/KH-LĐLĐ" in facts and "01/10/2021" in facts
    await checked(phone, keep_screenshot, "review-plan-launched")
    for link in ("Báo cáo sơ kết (PDF)", "Số liệu theo đơn vị (XLSX)"):  # the launched plan's documents
        document = await phone.request.get(await phone.get_attribute(f"a:has-text('{link}')", "href"))
        assert document.status == 200 and document.headers["content-type"].startswith(
            ("application/pdf", "application/vnd.openxmlformats")), (link, document.status)
    await phone.goto("/issued-plans")
    await checked(phone, keep_screenshot, "review-plans-issued")

    # The province's plan shows the district's plan below it, with its issuer and date.
    await phone.click("text=Đăng xuất")
    await sign_in(phone, province_email, password)
    await phone.goto(f"/issued-plans/{parent}")
    cascade = await phone.inner_text("ul.cascade")
    assert "16/KH-LĐLĐ" in cascade and "LĐLĐ huyện Gò Dầu" in cascade and "30/09/2021" in cascade
    await checked(phone, keep_screenshot, "review-plan-cascade")
