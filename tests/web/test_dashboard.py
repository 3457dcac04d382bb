"""The national dashboard in a real browser after the seed-001 story: the national figures,
drill-down from the national body to a grassroots union, an earlier "as of" day changing the
figures, a table's CSV equal to the table on screen, no auditor page for a national reader;
accessible and 360 px wide, screenshots kept."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlsplit

import pytest

from tenants.ids import NATIONAL_TENANT
from tests.web.conftest import artifacts
from tests.web.dashboard_story import Story, dashboard_url, seed_001_story
from tests.web.pages import assert_accessible, assert_fits_width, person, same_host_only, sign_in


@pytest.fixture(scope="module")
async def story(site, web_database) -> Story:
    return await seed_001_story(site, web_database)


@pytest.fixture(scope="module")
async def national_reader(site) -> tuple[str, str]:
    return await person(site, NATIONAL_TENANT, "national")


async def kpi(page, name: str) -> str:
    return (await page.inner_text(f"#kpi-{name}")).strip()


async def table_cells(page, key: str) -> list[list[str]]:
    return await page.eval_on_selector(
        f"table[data-table={key}]",
        "t => [...t.rows].map(r => [...r.cells].map(c => c.innerText.trim()))")


async def test_national_figures_and_drill_down_to_a_grassroots_union(site, desk, story, national_reader,
                                                                     keep_screenshot):
    foreign = same_host_only(desk, site.url)
    await sign_in(desk, *national_reader)
    await desk.goto(dashboard_url(story))
    # Tây Ninh: 6 unions, 5 registered; Bình Phước: 2 unions, 1 registered -> 6 of 8
    assert await kpi(desk, "units") == "8"
    assert await kpi(desk, "registration") == "75.0 %"
    assert await kpi(desk, "awards") == "4"
    assert (await kpi(desk, "quota")).replace(" ", "").startswith("4/")
    rows = {r[0]: r for r in await table_cells(desk, "units")}
    tay_ninh = rows["Liên đoàn Lao động tỉnh Tây Ninh"]
    assert tay_ninh[1:5] == ["6", "4", "5", "83.3"]
    assert rows["Liên đoàn Lao động tỉnh Bình Phước"][1:5] == ["2", "1", "1", "50.0"]
    coverage = {r[0]: r for r in await table_cells(desk, "coverage")}
    assert coverage["Liên đoàn Lao động tỉnh Tây Ninh"][1:3] == ["2", "28/09/2021"]
    assert "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh" in await desk.inner_text("table[data-table=awards]")
    await assert_accessible(desk)
    await keep_screenshot(desk, "dashboard-national")
    await desk.set_viewport_size({"width": 1600, "height": 1000})  # a wall screen: what fits at once
    await desk.screenshot(path=str(artifacts() / "dashboard-wall.png"))
    await desk.set_viewport_size({"width": 1280, "height": 900})

    await desk.click("table[data-table=units] >> text=Liên đoàn Lao động tỉnh Tây Ninh")
    assert await desk.inner_text("h1") == "Liên đoàn Lao động tỉnh Tây Ninh"
    await desk.click("table[data-table=units] >> text=LĐLĐ huyện Gò Dầu")
    assert await kpi(desk, "awards") == "4"
    await keep_screenshot(desk, "dashboard-district")
    await desk.click("table[data-table=units] >> text=CĐCS Công ty TNHH Giày Da Mỹ Phong")
    assert await desk.inner_text("h1") == "CĐCS Công ty TNHH Giày Da Mỹ Phong"
    assert await kpi(desk, "units") == "1"
    assert await kpi(desk, "registration") == "100.0 %"
    trail = await desk.inner_text("nav.trail")
    assert "Liên đoàn Lao động tỉnh Tây Ninh" in trail and "LĐLĐ huyện Gò Dầu" in trail
    await assert_accessible(desk)
    await keep_screenshot(desk, "dashboard-grassroots")
    assert foreign == []


async def test_an_earlier_as_of_day_changes_the_figures(desk, story, national_reader):
    await sign_in(desk, *national_reader)
    await desk.goto(dashboard_url(story))
    assert await kpi(desk, "registration") == "75.0 %"
    await desk.fill("#f-as_of", "2021-10-06")  # two of Tây Ninh's registrations by then, none of Bình Phước's
    await desk.click(".dash-controls button[type=submit]")
    await desk.wait_for_load_state("networkidle")
    assert "as_of=2021-10-06" in desk.url
    assert await kpi(desk, "registration") == "25.0 %"
    assert await kpi(desk, "awards") == "0"
    assert "06/10/2021" in await desk.inner_text("#as-of-line")
    form = await desk.request.get(await desk.get_attribute("a:has-text('Biểu 0601')", "href"))
    assert "year=2021" in form.url and form.status == 200, (form.url, form.status)  # 01/12/2020-30/11/2021


async def test_a_table_downloads_as_the_same_csv(desk, story, national_reader):
    await sign_in(desk, *national_reader)
    await desk.goto(dashboard_url(story))
    for key in ("units", "coverage", "quotas"):
        async with desk.expect_download() as waiting:
            await desk.click(f"a[href^='/dashboard/csv/{key}?']")
        download = await waiting.value
        text = (await download.path()).read_text(encoding="utf-8-sig")
        assert list(csv.reader(io.StringIO(text))) == await table_cells(desk, key), key


async def test_the_dashboard_fits_a_phone(site, phone, story, national_reader, keep_screenshot):
    await sign_in(phone, *national_reader)
    await phone.goto(dashboard_url(story))
    assert await kpi(phone, "units") == "8"
    await assert_fits_width(phone)
    await assert_accessible(phone)
    await keep_screenshot(phone, "dashboard-national-phone")
    await phone.click("text=English")
    await phone.goto(dashboard_url(story))
    assert "Registration rate by unit" in await phone.inner_text("main")
    assert (await table_cells(phone, "units"))[0][:2] == ["Unit", "Units in scope"]


async def test_a_national_reader_cannot_open_an_auditor_page(desk, story, national_reader):
    await sign_in(desk, *national_reader)
    assert "Kiểm tra" not in await desk.inner_text("header nav")
    assert "Tổng hợp" in await desk.inner_text("header nav")
    for path in ("/audit/", f"/audit/history?tenant={story.tay_ninh.tenant}",
                 f"/audit/verify?tenant={story.tay_ninh.tenant}"):
        response = await desk.goto(path)
        assert response.status in (403, 404), path
        assert "kiểm tra" not in urlsplit(desk.url).path


async def test_an_unknown_node_is_an_error_page_not_zeros(desk, story, national_reader):
    await sign_in(desk, *national_reader)
    response = await desk.goto(dashboard_url(story, node="00000000-0000-0000-0000-000000000001"))
    assert response.status == 404
    response = await desk.goto(f"/dashboard/?plan=nonsense&node={story.tay_ninh.root}")
    assert response.status == 400
    await assert_accessible(desk)


async def test_a_province_viewer_sees_its_own_tenant_and_nothing_above_or_beside(desk, site, story):
    viewer = await person(site, story.tay_ninh.tenant, "viewer")
    await sign_in(desk, *viewer)
    await desk.goto("/dashboard/")  # its own campaign (265/KH-LĐLĐ) at its own root, by default
    assert await desk.inner_text("h1") == "Liên đoàn Lao động tỉnh Tây Ninh"
    assert await kpi(desk, "units") == "6"
    assert await kpi(desk, "registration") == "83.3 %"
    assert "265/KH-LĐLĐ" in await desk.inner_text("#f-plan")
    await assert_accessible(desk)
    plan = await desk.eval_on_selector("#f-plan", "s => s.value")
    for node in (story.binh_phuoc.root, "00000000-0000-0000-0000-000000000001"):
        response = await desk.goto(f"/dashboard/?plan={plan}&node={node}")
        assert response.status == 404, node
    response = await desk.goto(f"/dashboard/csv/units?plan={plan}&node={story.binh_phuoc.root}")
    assert response.status == 404
    response = await desk.goto(f"/dashboard/csv/everything?plan={plan}")
    assert response.status == 404
