"""Generated files held packed until written (generator/packed.py): what goes in comes back out."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.packed import COMPRESS_FROM, Packed, Zipped


@settings(deadline=None)
@given(st.dictionaries(st.text(min_size=1), st.one_of(st.text(), st.binary())))
def test_values_come_back_as_they_went_in(files):
    packed = Packed()
    for path, value in files.items():
        packed[path] = value
    assert packed == files
    assert all(type(packed[path]) is type(value) for path, value in files.items())


def test_large_text_is_stored_compressed_and_small_text_as_utf8():
    packed = Packed()
    large = "| FlashAttention-2 · 2.1× | A100 |\n" * (COMPRESS_FROM // 10)
    packed["topics/big.md"] = large
    packed["papers/x.md"] = "H₂O"
    assert packed["topics/big.md"] == large and packed["papers/x.md"] == "H₂O"
    assert packed.stored_size() < len(large.encode()) // 4 + len("H₂O".encode())


def test_renamed_keeps_values_and_orders_paths():
    packed = Packed()
    packed["b.md"] = "b"
    packed["a.md"] = b"a"
    moved = packed.renamed("docs/", in_order=True)
    assert list(moved) == ["docs/a.md", "docs/b.md"]
    assert dict(moved) == {"docs/a.md": b"a", "docs/b.md": "b"}
    assert "docs/a.md" in moved and "a.md" not in moved


def test_encoded_gives_the_bytes_written():
    packed = Packed()
    packed["big.md"] = "é" * COMPRESS_FROM
    packed["small.md"] = "H₂O"
    packed["logo.svg"] = b"<svg/>"
    assert dict(packed.encoded()) == {"big.md": ("é" * COMPRESS_FROM).encode(), "small.md": "H₂O".encode(),
                                      "logo.svg": b"<svg/>"}
    both = packed.encoded(besides={"small.md": "other", ".cache/t.json": "{}"})
    assert dict(both) == {"big.md": ("é" * COMPRESS_FROM).encode(), "small.md": b"other", "logo.svg": b"<svg/>",
                          ".cache/t.json": b"{}"}
    assert len(both) == 4


def test_a_zipped_text_is_kept_as_its_bytes_and_left_out_of_the_unchecked_files():
    packed = Packed()
    zipped = Zipped.of("---\ntitle: \"H₂O\"\n---\n")
    packed["remembered.md"] = zipped
    packed["rendered.md"] = "# rendered"
    packed["logo.svg"] = b"<svg/>"
    assert packed["remembered.md"] == zipped.text() == "---\ntitle: \"H₂O\"\n---\n"
    assert packed.stored_size() == len(zipped.data) + len("# rendered") + len(b"<svg/>")  # not compressed again
    assert dict(packed.unchecked()) == {"rendered.md": "# rendered", "logo.svg": b"<svg/>"}
    moved = packed.renamed("docs/")
    assert dict(moved.unchecked()) == {"docs/rendered.md": "# rendered", "docs/logo.svg": b"<svg/>"}
    assert moved.encoded()["docs/remembered.md"] == "---\ntitle: \"H₂O\"\n---\n".encode()
