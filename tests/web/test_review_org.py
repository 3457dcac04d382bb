"""The org tree in the browser at 360 px: the province officer's subtree now and as of a date,
a unit created, renamed and merged through the pages (each change dated, so the tree of an
earlier day still shows the old shape), a refused change shown with its message and nothing
written, and the import page's dry run of the exported sheet, row by row."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.web.pages import assert_accessible, assert_fits_width, person, sign_in
from tests.web.review_story import district_with_unions, projected

UNIONS = ["CĐCS Công ty Hoàng Phúc", "CĐCS Trường THCS Phước Thạnh"]
NEW = "CĐCS Công ty May Gò Dầu"
RENAMED = "CĐCS Công ty TNHH Hoàng Phúc Tây Ninh"


async def checked(page, keep_screenshot, name: str) -> None:
    await assert_accessible(page)
    await assert_fits_width(page)
    await keep_screenshot(page, name)


async def change(page, form: str, **fields: str) -> None:
    for name, value in fields.items():
        selector = f"#f-{form}-{name}"
        if await page.locator(selector).evaluate("el => el.tagName") == "SELECT":
            await page.select_option(selector, value)
        else:
            await page.fill(selector, value)
    await page.click(f"#change-{form} button[type=submit], #{form} button[type=submit]")
    await page.wait_for_load_state("networkidle")


async def test_tree_as_of_a_date_and_its_changes(site, phone, tenant_id, keep_screenshot, tmp_path):
    email, password = await person(site, tenant_id, "officer")
    story = await district_with_unions(site.platform, tenant_id, UNIONS)
    await projected(site.platform, story)
    hoang_phuc, phuoc_thanh = story.unions[UNIONS[0]], story.unions[UNIONS[1]]

    await sign_in(phone, email, password)
    await phone.click("nav >> text=Đơn vị")
    assert urlsplit(phone.url).path == "/org"
    tree = await phone.inner_text("ul.org-tree")
    assert "LĐLĐ huyện Gò Dầu" in tree and all(name in tree for name in UNIONS)
    await checked(phone, keep_screenshot, "review-org-tree")

    await change(phone, "create", name=NEW, kind="grassroots_union", parent_id=str(story.district),
                 effective="2024-01-01")
    assert await phone.inner_text("h1") == NEW
    assert "LĐLĐ huyện Gò Dầu" in await phone.inner_text("dl.facts")

    await phone.goto(f"/org/{hoang_phuc}")
    await change(phone, "rename", name=RENAMED, effective="2025-07-01")
    assert await phone.inner_text("h1") == RENAMED

    await phone.goto(f"/org/{story.district}")
    await change(phone, "dissolve", effective="2025-07-01")
    assert await phone.locator("#change-dissolve [role=alert]").count() == 1, "its unions are still active"
    assert "Ngừng hoạt động" not in await phone.inner_text("dl.facts"), "nothing written"
    await checked(phone, keep_screenshot, "review-org-change-refused")

    await phone.goto(f"/org/{phuoc_thanh}")
    await change(phone, "merge", successor_id=str(hoang_phuc), effective="2025-08-01")
    assert "01/08/2025" in await phone.inner_text("dl.facts"), "merged: ended that day"
    await checked(phone, keep_screenshot, "review-org-unit-merged")

    await phone.goto(f"/org/{hoang_phuc}")
    await phone.fill("#f-split-name-0", "CĐCS Công ty Hoàng Phúc 1")
    await phone.fill("#f-split-name-1", "CĐCS Công ty Hoàng Phúc 2")
    await phone.select_option("#f-split-enterprise-1", "1")
    await change(phone, "split", effective="2025-09-01")
    assert "01/09/2025" in await phone.inner_text("dl.facts"), "split: ended that day"

    await phone.goto("/org")
    tree = await phone.inner_text("ul.org-tree")
    assert NEW in tree and UNIONS[1] not in tree and RENAMED not in tree
    assert "CĐCS Công ty Hoàng Phúc 1" in tree and "CĐCS Công ty Hoàng Phúc 2" in tree
    await phone.fill("#f-as_of", "2025-08-15")
    await phone.click("form.as-of button")
    assert RENAMED in await phone.inner_text("ul.org-tree")
    await phone.fill("#f-as_of", "2023-06-01")
    await phone.click("form.as-of button")
    tree = await phone.inner_text("ul.org-tree")
    assert UNIONS[0] in tree and UNIONS[1] in tree and NEW not in tree and RENAMED not in tree
    assert "Hoàng Phúc 1" not in tree
    assert "01/06/2023" in await phone.inner_text("main h2")
    await checked(phone, keep_screenshot, "review-org-tree-as-of")

    # The import page: the exported sheet, checked row by row, writes nothing.
    export = await phone.request.get("/api/v1/org-units/export?format=csv&lang=vi")
    assert export.status == 200
    sheet = tmp_path / "don-vi.csv"
    sheet.write_bytes(await export.body())
    await phone.click("text=Nhập đơn vị từ tệp")
    await phone.click("button[value=check]")
    assert "Hãy chọn tệp" in await phone.inner_text("#e-file")
    await phone.set_input_files("#f-file", str(sheet))
    await phone.click("button[value=check]")
    report = await phone.inner_text("section[aria-labelledby=report-title]")
    assert "Chưa ghi gì" in report and "Không đổi" in report and "CĐCS Công ty Hoàng Phúc 2" in report
    await checked(phone, keep_screenshot, "review-org-import-check")
