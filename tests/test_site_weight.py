from __future__ import annotations

from pathlib import Path

from salesplaybook.site.weight import page_weight


def test_a_page_weighs_itself_and_what_it_loads_once_each(tmp_path):
    static = tmp_path / "_static"
    (static / "fonts").mkdir(parents=True)
    (static / "fonts" / "icons.woff2").write_bytes(b"w" * 100)
    (static / "fonts" / "icons.ttf").write_bytes(b"t" * 1000)  # a fallback no browser loads
    (static / "logo.png").write_bytes(b"p" * 10)
    (static / "site.css").write_text(
        "@font-face{font-family:I;src:url(fonts/icons.woff2) format('woff2'),"
        "url(fonts/icons.ttf) format('truetype')} .l{background:url('../_static/logo.png')}",
        "utf-8",
    )
    (static / "site.js").write_text("x", "utf-8")
    page = tmp_path / "book" / "page.html"
    page.parent.mkdir()
    page.write_text(
        '<link rel="stylesheet" href="../_static/site.css?v=1">'
        '<link rel="preload" as="script" href="../_static/site.js">'
        '<script src="../_static/site.js"></script>'
        '<script src="https://elsewhere.example/x.js"></script>'
        '<img src="../_static/logo.png"><a href="other.html">x</a>',
        "utf-8",
    )
    weight = page_weight(page, tmp_path)
    names = sorted(Path(p).name for p in weight.files)
    assert names == ["icons.woff2", "logo.png", "page.html", "site.css", "site.js"]
    assert weight.total == sum(p.stat().st_size for p in weight.files)
