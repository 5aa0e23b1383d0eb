"""Tests for kg.read: finding files and decoding them, on real files in tmp_path."""

from __future__ import annotations

import hashlib
import os
import pickle
import random
import tempfile
from pathlib import Path

import pytest
from conftest import as_nobody

from kg.read import ReadError, iter_paths, read_all, read_document

SIMPLIFIED = (
    "新华社北京3月5日电 第十四届全国人民代表大会第二次会议今天上午在人民大会堂开幕。\n"
    "国务院总理在政府工作报告中指出，过去一年，我国经济总体回升向好，高质量发展扎实推进。\n"
    "来自全国各地的近三千名代表出席会议，他们将审议政府工作报告、全国人大常委会工作报告等文件。\n"
    "天津市代表张黎明是国网天津市电力公司配电抢修班班长，他说，要把基层群众的意见带到会上。\n"
)
TRADITIONAL = (
    "臺北市政府今天宣布，明年起將擴大補助老舊公寓加裝電梯，市長在記者會上表示，\n"
    "這項政策已經過議會審查，預計將有超過兩千戶家庭受惠。交通局也說明，\n"
    "捷運環狀線北段工程進度順利，最快後年通車。天津市代表張黎明是國網天津市電力公司\n"
    "配電搶修班班長，他說，要把基層群眾的意見帶到會上。\n"
)
SHORT_SIMPLIFIED = "天津市代表张黎明在会上发言。"  # 14 characters
SHORT_TRADITIONAL = "臺灣的代表們今天在會上發言。"  # 14 characters
UNDECODABLE = "not decodable as UTF-8, UTF-16, GB18030 or Big5"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_error(path: Path, **kwargs: int) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_document(path, **kwargs)
    return info.value


# --- decoding -----------------------------------------------------------------------------


CASES = {  # id: (bytes, expected encoding, expected text)
    "utf-8": (SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
    "utf-8-bom": (SIMPLIFIED.encode("utf-8-sig"), "utf-8-sig", SIMPLIFIED),
    "utf-16-bom": (SIMPLIFIED.encode("utf-16"), "utf-16", SIMPLIFIED),
    "utf-16le-bom": (b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), "utf-16", SIMPLIFIED),
    "utf-16be-bom": (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf-16", SIMPLIFIED),
    "utf-32-bom": (SIMPLIFIED.encode("utf-32"), "utf-32", SIMPLIFIED),
    "utf-16le-no-bom": (SIMPLIFIED.encode("utf-16-le"), "utf-16-le", SIMPLIFIED),
    "utf-16be-no-bom": (TRADITIONAL.encode("utf-16-be"), "utf-16-be", TRADITIONAL),
    "gb18030": (SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED),
    "big5": (TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
    "gb18030-short": (SHORT_SIMPLIFIED.encode("gb18030"), "gb18030", SHORT_SIMPLIFIED),
    "big5-short": (SHORT_TRADITIONAL.encode("big5"), "big5", SHORT_TRADITIONAL),
    "gb18030-traditional": (TRADITIONAL.encode("gb18030"), "gb18030", TRADITIONAL),
}


@pytest.mark.parametrize(("data", "encoding", "text"), CASES.values(), ids=CASES.keys())
def test_decodes(tmp_path: Path, data: bytes, encoding: str, text: str) -> None:
    doc = read_document(write(tmp_path / "news.txt", data))
    assert (doc.encoding, doc.text) == (encoding, text)  # no BOM left in the text


def test_big5_is_not_mistaken_for_gb18030(tmp_path: Path) -> None:
    """Big5 bytes also decode without error as GB18030, into nonsense: detection must score."""
    for text in (TRADITIONAL, SHORT_TRADITIONAL):
        data = text.encode("big5")
        assert data.decode("gb18030") != text  # the trap: no error, wrong text
        assert read_document(write(tmp_path / "tw.txt", data)).text == text
    # Short GB text often decodes as Big5 too, and must still come out as GB18030.
    data = SHORT_SIMPLIFIED.encode("gb18030")
    assert data.decode("big5") != SHORT_SIMPLIFIED
    assert read_document(write(tmp_path / "cn.txt", data)).encoding == "gb18030"


def test_utf16_without_bom_mostly_ascii(tmp_path: Path) -> None:
    text = "Reuters, Beijing, 5 March: the National People's Congress opened today.\n全国人大"
    for codec in ("utf-16-le", "utf-16-be"):
        doc = read_document(write(tmp_path / "en.txt", text.encode(codec)))
        assert (doc.encoding, doc.text) == (codec, text)


def test_newlines_are_normalised(tmp_path: Path) -> None:
    data = "第一行\r\n第二行\r第三行\n\r\n".encode("gb18030")
    doc = read_document(write(tmp_path / "crlf.txt", data))
    assert doc.text == "第一行\n第二行\n第三行\n\n"
    assert doc.encoding == "gb18030"


def test_document_fields(tmp_path: Path) -> None:
    data = SIMPLIFIED.encode("utf-8")
    path = write(tmp_path / "sub" / "人大开幕.txt", data)
    doc = read_document(path)
    digest = hashlib.sha256(data).hexdigest()
    assert (doc.doc_id, doc.sha256) == (digest[:16], digest)
    assert (doc.path, doc.name) == (str(path), "人大开幕.txt")
    other = read_document(write(tmp_path / "copy.md", data))
    assert other.doc_id == doc.doc_id  # same content, same id
    assert pickle.loads(pickle.dumps(doc)) == doc


# --- errors -------------------------------------------------------------------------------


def test_error_messages_are_one_line_with_the_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(2000)
    write(tmp_path / "data.bin", png)
    err = read_error(Path("data.bin"))
    assert str(err) == "data.bin: binary, not text"
    assert (err.path, err.reason) == ("data.bin", "binary, not text")
    copy = pickle.loads(pickle.dumps(err))
    assert str(copy) == str(err) and copy.reason == err.reason


UNUSABLE = [  # (file name, bytes, reason)
    ("empty.txt", b"", "empty file"),
    ("blank.txt", " \n\t\r\n\u3000\n".encode(), "no text"),
    ("blank16.txt", " \n \n".encode("utf-16"), "no text"),
    ("bom.txt", b"\xef\xbb\xbf", "no text"),
    ("nul.txt", b"\x00" * 100, "binary, not text"),
    ("ctrl.txt", bytes(range(1, 9)) * 50 + b"plain text", "binary, not text"),
    ("bad.txt", b"plain text \xff\xfe\x80\xff then more\n", UNDECODABLE),
    ("latin1.txt", "Caf\xe9 cr\xe8me, d\xe9j\xe0 vu.\n".encode("latin-1"), UNDECODABLE),
    ("badbom.txt", b"\xef\xbb\xbfok \xff\n", UNDECODABLE),
]


@pytest.mark.parametrize(("name", "data", "reason"), UNUSABLE, ids=[c[0] for c in UNUSABLE])
def test_unusable_files(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = write(tmp_path / name, data)
    err = read_error(path)
    assert str(err) == f"{path}: {reason}"
    assert "\n" not in str(err)


def test_too_big(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "一二三四五六七八九十")
    assert str(read_error(path, max_bytes=10)) == f"{path}: larger than 10 bytes"
    with (tmp_path / "huge.txt").open("wb") as f:  # sparse: nothing is written
        f.truncate(64 * 2**20 + 1)
    assert read_error(tmp_path / "huge.txt").reason == "larger than 64 MB"
    assert read_document(path, max_bytes=30).text == "一二三四五六七八九十"


def test_not_a_file(tmp_path: Path) -> None:
    assert str(read_error(tmp_path)) == f"{tmp_path}: is a directory"
    assert read_error(tmp_path / "missing.txt").reason == "no such file or directory"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_error(fifo).reason == "not a regular file"  # and it did not block


def test_unreadable_file_and_folder() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        root.chmod(0o755)  # let "nobody" in
        secret = write(root / "secret.txt", SIMPLIFIED)
        locked = write(root / "locked" / "inside.txt", SIMPLIFIED).parent
        secret.chmod(0)
        locked.chmod(0)
        try:
            errors = as_nobody(
                lambda: [str(read_error(secret))] + [str(e) for e in read_all([root])[1]]
            )
        finally:
            locked.chmod(0o755)
    assert errors == [
        f"{secret}: permission denied",
        f"{locked}: permission denied",
        f"{secret}: permission denied",
    ]


# --- HTML ---------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>人大开幕</title>
<style>p { color: red; }</style><script>var s = "<p>不要这个</p>";</script></head>
<body><header>网站首页 | 新闻</header><nav><ul><li>导航</li></ul></nav>
<article><h1>全国人大会议开幕</h1>
<p>新华社北京电&nbsp;今天上午，大会在人民大会堂
开幕。</p>


<p>代表们说：&ldquo;R&amp;D 投入 &lt; 3%&rdquo;&#20013;国<br>第二行</p>
<div>A<b>B</b> C</div></article>
<noscript>请启用脚本</noscript><footer>版权所有</footer></body></html>
"""
PAGE_TEXT = (
    "人大开幕\n\n全国人大会议开幕\n\n新华社北京电 今天上午，大会在人民大会堂开幕。\n\n"
    "代表们说：“R&D 投入 < 3%”中国\n第二行\n\nAB C"
)


def test_html_with_gb2312_meta_charset(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "page.HTM", PAGE.encode("gb2312")))
    assert doc.encoding == "gb18030"
    assert doc.text == PAGE_TEXT
    for dropped in ("不要这个", "color", "网站首页", "导航", "请启用脚本", "版权所有", "<p"):
        assert dropped not in doc.text


def test_html_detected_by_content_and_meta_ignored_when_wrong(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "page.txt", PAGE.encode("utf-8")))  # says gb2312
    assert doc.encoding == "utf-8"
    assert doc.text.startswith("人大开幕\n\n全国人大会议开幕\n")
    assert "<p>" not in doc.text and "大会堂开幕" in doc.text


def test_html_big5_page_without_charset(tmp_path: Path) -> None:
    page = f"<html><body><p>{SHORT_TRADITIONAL}</p><script>x()</script></body></html>"
    doc = read_document(write(tmp_path / "tw.html", page.encode("big5")))
    assert (doc.text, doc.encoding) == (SHORT_TRADITIONAL, "big5")


# --- finding files ------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    for name in reversed(  # created in reverse, so order cannot come from creation
        [
            "a.md", "b.txt", "c.HTML", "d.htm", "e.text", "notes.pdf", "image.png",
            ".hidden.txt", ".git/config.txt", "sub/z.txt", "sub/deeper/y.TXT",
            "sub/.cache/x.txt", "zz/last.txt",
        ]
    ):  # fmt: skip
        write(root / name, f"内容 {name}")
    (root / "sub" / "loop").symlink_to("..", target_is_directory=True)  # sub/loop -> root


def test_walks_folders_sorted_skipping_hidden_and_loops(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert found == [
        "a.md", "b.txt", "c.HTML", "d.htm", "e.text",
        "sub/deeper/y.TXT", "sub/z.txt", "zz/last.txt",
    ]  # fmt: skip
    assert [p.relative_to(tmp_path).as_posix() for p in iter_paths([str(tmp_path)])] == found


def test_files_given_directly_are_yielded_as_given(tmp_path: Path) -> None:
    make_tree(tmp_path)
    pdf, hidden = tmp_path / "notes.pdf", str(tmp_path / ".hidden.txt")
    given = [pdf, hidden, tmp_path / "zz", pdf]
    assert list(iter_paths(given)) == [pdf, Path(hidden), tmp_path / "zz/last.txt"]
    # Walking "sub" follows sub/loop up to the root (not seen yet) but not back into sub.
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path / "sub"])]
    assert found == [
        "sub/deeper/y.TXT", "sub/loop/a.md", "sub/loop/b.txt", "sub/loop/c.HTML",
        "sub/loop/d.htm", "sub/loop/e.text", "sub/loop/zz/last.txt", "sub/z.txt",
    ]  # fmt: skip


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as info:
        list(iter_paths([tmp_path / "nope"]))
    assert str(info.value) == f"{tmp_path / 'nope'}: no such file or directory"


def test_read_all_collects_errors_and_skips_duplicates(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", SIMPLIFIED.encode("gb18030"))
    write(tmp_path / "b" / "copy.txt", SIMPLIFIED.encode("gb18030"))  # same bytes as a.txt
    write(tmp_path / "c.txt", TRADITIONAL.encode("big5"))
    write(tmp_path / "d.txt", b"")
    write(tmp_path / "e.txt", b"\x00\x01\x02\x03" * 40)
    docs, errors = read_all([tmp_path, tmp_path / "a.txt", tmp_path / "missing"])
    assert [d.name for d in docs] == ["a.txt", "c.txt"]
    assert [d.encoding for d in docs] == ["gb18030", "big5"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'd.txt'}: empty file",
        f"{tmp_path / 'e.txt'}: binary, not text",
        f"{tmp_path / 'missing'}: no such file or directory",
    ]
    with pytest.raises(ReadError, match="d.txt: empty file"):
        read_all([tmp_path], strict=True)
