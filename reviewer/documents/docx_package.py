"""Open a Word package (.docx/.docm/.dotx/.dotm, transitional or Strict) defensively.

Everything untrusted is checked before it is inflated or parsed:

- the zip's declared sizes against ``Limits.max_unzipped_mb`` (total) and ``Limits.max_zip_ratio``
  (per entry), and every read is capped, so a small file that inflates to gigabytes stops early;
- XML is parsed by an lxml parser that never resolves entities, never loads a DTD, never touches
  the network and keeps libxml2's default size/depth guards (``huge_tree`` off);
- every zipfile/zlib/lxml failure becomes a ``CorruptDocumentError`` naming the file.

Parts are found through the package relationships (``_rels/.rels``, then the main part's rels),
so the content type (.docm, .dotx) does not matter, and Strict OOXML namespaces
(``http://purl.oclc.org/ooxml/...``) are mapped to the transitional ones before parsing.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from reviewer.documents.base import Limits
from reviewer.errors import CorruptDocumentError, DocumentTooLargeError, EncryptedDocumentError

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Strict OOXML (ISO/IEC 29500 strict) namespace -> transitional namespace.
_STRICT_NS: dict[bytes, bytes] = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ),
    b"http://purl.oclc.org/ooxml/officeDocument/math": b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": (
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    ),
    b"http://purl.oclc.org/ooxml/drawingml/main": b"http://schemas.openxmlformats.org/drawingml/2006/main",
    b"http://purl.oclc.org/ooxml/drawingml/picture": b"http://schemas.openxmlformats.org/drawingml/2006/picture",
}
_STRICT_MARK = b"http://purl.oclc.org/ooxml/"

# Entries smaller than this are never refused for their compression ratio: a tiny entry cannot hurt.
_RATIO_MIN_BYTES = 1 << 20
_MAX_ENTRIES = 20_000


def safe_parser() -> etree.XMLParser:
    """An lxml parser for untrusted XML: no entity expansion, no DTD, no network, default limits."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


@dataclass
class Package:
    """An opened Word package: the zip, where its parts are, and what kind it is."""

    path: Path
    zf: zipfile.ZipFile
    limits: Limits
    main: str
    strict: bool = False
    part_rels: dict[str, str] = field(default_factory=dict)  # relationship type suffix -> part name
    warnings: list[str] = field(default_factory=list)
    had_doctype: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.zf.close()

    # ------------------------------------------------------------------ reading

    def has(self, name: str) -> bool:
        try:
            self.zf.getinfo(name)
        except KeyError:
            return False
        return True

    def read(self, name: str) -> bytes:
        """Inflate one entry, never more than its declared size nor the unzipped limit."""
        info = self.zf.getinfo(name)
        cap = int(self.limits.max_unzipped_mb * 1024 * 1024)
        try:
            with self.zf.open(info) as f:
                data = f.read(min(info.file_size, cap) + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as e:
            raise CorruptDocumentError(self.path, f"cannot inflate {name}: {type(e).__name__}: {e}") from e
        except RuntimeError as e:  # zipfile: "File is encrypted, password required"
            raise EncryptedDocumentError(self.path, f"{name} is inside a password-protected zip") from e
        if len(data) > cap:
            raise DocumentTooLargeError(
                self.path,
                f"{name} inflates past max_unzipped_mb {self.limits.max_unzipped_mb:g}",
                limit="max_unzipped_mb",
            )
        return data

    def xml(self, name: str) -> etree._Element:
        """Parse one XML part safely (Strict namespaces mapped to transitional)."""
        data = self.read(name)
        if self.strict or _STRICT_MARK in data[:4096]:
            self.strict = True
            for strict_ns, transitional in _STRICT_NS.items():
                data = data.replace(strict_ns, transitional)
        if b"<!DOCTYPE" in data[:4096] or b"<!doctype" in data[:4096]:
            # Word never writes a DTD; one in a package is a crafted file. Entities stay unexpanded.
            self.had_doctype.append(name)
        try:
            root = etree.fromstring(data, safe_parser())
        except etree.XMLSyntaxError as e:
            msg = str(e)
            if "amplification" in msg or "entity" in msg.lower():
                raise CorruptDocumentError(
                    self.path,
                    f"{name}: XML entity expansion refused (a 'billion laughs' pattern)",
                    hint="The file looks crafted to attack XML readers; ask the sender for a copy saved from Word.",
                ) from e
            raise CorruptDocumentError(self.path, f"{name}: malformed XML ({msg[:120]})") from e
        except (ValueError, etree.LxmlError) as e:
            raise CorruptDocumentError(self.path, f"{name}: {type(e).__name__}: {e}") from e
        if root is None:
            raise CorruptDocumentError(self.path, f"{name}: empty XML")
        return root

    def xml_or_none(self, name: str | None) -> etree._Element | None:
        if not name or not self.has(name):
            return None
        return self.xml(name)


def _rels_name(part: str) -> str:
    d, base = posixpath.split(part)
    return posixpath.join(d, "_rels", base + ".rels")


def _resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def _read_rels(pkg: Package, source_part: str) -> dict[str, str]:
    """Relationship type suffix (``officeDocument``, ``styles``...) -> internal part name."""
    name = "_rels/.rels" if source_part == "" else _rels_name(source_part)
    root = pkg.xml_or_none(name)
    out: dict[str, str] = {}
    if root is None:
        return out
    for rel in root.iter(f"{{{RELS_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        rtype = (rel.get("Type") or "").rstrip("/")
        target = rel.get("Target") or ""
        if not rtype or not target:
            continue
        out.setdefault(rtype.rsplit("/", 1)[-1], _resolve(source_part, target))
    return out


def open_package(path: Path, limits: Limits) -> Package:
    """Open and vet the zip, find the main document part and its related parts."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as e:
        raise CorruptDocumentError(path, f"not a readable ZIP/Office package: {e}") from e
    try:
        infos = zf.infolist()
        if len(infos) > _MAX_ENTRIES:
            raise DocumentTooLargeError(path, f"{len(infos)} zip entries", limit="max_unzipped_mb")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size >= _RATIO_MIN_BYTES:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > limits.max_zip_ratio:
                    raise DocumentTooLargeError(
                        path,
                        f"{info.filename} inflates {ratio:.0f}x ({info.compress_size / 1024:.0f} KB -> "
                        f"{info.file_size / 1048576:.0f} MB) > max_zip_ratio {limits.max_zip_ratio:g}; "
                        "this looks like a decompression bomb",
                        limit="max_zip_ratio",
                    )
        if total > limits.max_unzipped_mb * 1024 * 1024:
            raise DocumentTooLargeError(
                path,
                f"unzipped size {total / 1048576:.0f} MB > max_unzipped_mb {limits.max_unzipped_mb:g}",
                limit="max_unzipped_mb",
            )
        pkg = Package(path=path, zf=zf, limits=limits, main="")
        root_rels = _read_rels(pkg, "")
        main = root_rels.get("officeDocument")
        if main is None or not pkg.has(main):
            main = "word/document.xml"
        if not pkg.has(main):
            raise CorruptDocumentError(path, "no main document part (word/document.xml) in the package")
        pkg.main = main
        pkg.part_rels = _read_rels(pkg, main)
        if pkg.strict:
            pkg.warnings.append("Strict Open XML package: read by mapping its namespaces to standard .docx ones")
        if any(i.filename.lower().endswith("vbaproject.bin") for i in infos):
            pkg.warnings.append("macro-enabled document: the macros were ignored (never run, never read)")
        return pkg
    except BaseException:
        zf.close()
        raise
