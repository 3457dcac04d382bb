"""One contract, every file store: content-addressed, idempotent, never another tenant's."""

from __future__ import annotations

import hashlib

import pytest

from infra.files import open_file_store
from infra.files.directory import DirectoryFileStore
from infra.settings import FileSettings, Settings
from tests import dossier_samples as samples


@pytest.fixture(params=["postgres", "directory"])
def store(request, platform, tmp_path):
    return open_file_store(FileSettings(store=request.param, directory=tmp_path / "files"), platform.db)


async def test_stored_bytes_come_back_by_their_sha256(store, tenant_id):
    content = samples.pdf("Quyết định")
    sha256 = await store.put(tenant_id, content)
    assert sha256 == hashlib.sha256(content).hexdigest()
    assert await store.get(tenant_id, sha256) == content


async def test_storing_the_same_content_twice_is_harmless(store, tenant_id):
    content = samples.png()
    assert await store.put(tenant_id, content) == await store.put(tenant_id, content)
    assert await store.get(tenant_id, hashlib.sha256(content).hexdigest()) == content


async def test_an_unknown_address_is_none(store, tenant_id):
    assert await store.get(tenant_id, "0" * 64) is None


async def test_a_tenant_never_reads_another_tenants_file(store, tenant_id, other_tenant_id):
    sha256 = await store.put(tenant_id, samples.docx())
    assert await store.get(other_tenant_id, sha256) is None


async def test_the_postgres_store_is_append_only_for_the_application(platform, tenant_id):
    import asyncpg

    store = open_file_store(FileSettings(), platform.db)
    sha256 = await store.put(tenant_id, samples.xlsx())
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        async with platform.db.tenant_transaction(tenant_id) as conn:
            await conn.execute("UPDATE dossier_files SET content = 'x' WHERE sha256 = $1", sha256)


def test_the_directory_store_takes_only_content_addresses(tmp_path):
    store = DirectoryFileStore(tmp_path)
    with pytest.raises(ValueError):
        store.path_of("t-1", "../../etc/passwd")
    assert store.path_of("t-1", "ab" + "0" * 62) == tmp_path / "t-1" / "ab" / ("ab" + "0" * 62)


def test_an_unknown_store_name_is_refused(platform):
    with pytest.raises(ValueError, match="THIDUA_FILE_STORE"):
        open_file_store(FileSettings(store="s3"), platform.db)


def test_the_file_settings_come_from_the_environment(tmp_path):
    files = Settings.from_env({"THIDUA_FILE_STORE": "Directory", "THIDUA_FILE_DIR": str(tmp_path),
                               "THIDUA_FILE_MAX_BYTES": "5000"}).files
    assert (files.store, files.directory, files.max_bytes) == ("directory", tmp_path, 5000)
    assert Settings.from_env({}).files == FileSettings()
