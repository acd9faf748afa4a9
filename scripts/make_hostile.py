"""Build a folder of hostile inputs for the batch runner (tests and the batch benchmark).

    python scripts/make_hostile.py OUT_DIR [--line-mb 10] [--bomb-mb 1024] [--good FILE ...]

What it writes into OUT_DIR (each one something a real collection has held, or an attack):
- fifo.txt          a named pipe (opening it for reading blocks forever)
- loop.txt          a symlink to itself (a symlink loop), and loop_a.txt <-> loop_b.txt
- dev.txt           a symlink to /dev/zero (a device: reading never ends)
- dangling.txt      a symlink to nothing
- bad-name-\\xff.txt a file whose name is not valid UTF-8
- one_line.txt      LINE_MB of text with no line break
- huge_page.pdf     a PDF of a few hundred bytes with one 14,400 x 14,400 pt page holding an image
                    (rasterised at 300 dpi for OCR it would be 3.6 gigapixels)
- bomb.pdf          a PDF whose content stream inflates to BOMB_MB (about 1/1000 of that on disk)
- empty.txt, binary.pdf   an empty file and random bytes named .pdf
- zero_width.txt    a good report with a zero-width space and a soft hyphen inside header words
- utf16.txt         a good report saved as UTF-16 with a byte-order mark (as Windows tools save it)
- good_*.txt        good reports (a built-in small one, or copies of --good files)
- locked/           a subfolder that cannot be listed (mode 000; root can list it anyway)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import zlib
from pathlib import Path

REPORT = """LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2024
DINAS SOSIAL KOTA CONTOH

Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024
No\tIndikator Kinerja\tSatuan\tTarget\tRealisasi\tCapaian (%)
1\tPersentase PMKS yang tertangani\t%\t80,00\t76,00\t95,00
2\tJumlah penerima bantuan sosial\tOrang\t1.200\t1.188\t99,00
3\tPersentase anak terlantar yang terlayani\t%\t75,00\t78,75\t105,00

Tabel 3.2 Realisasi Anggaran per Program Tahun 2024
Kode\tProgram\tPagu (Rp)\tRealisasi (Rp)\t%
1.06.01\tProgram Penunjang Urusan Pemerintahan Daerah\t2.500.000.000\t2.400.000.000\t96,00
1.06.02\tProgram Pemberdayaan Sosial\t1.000.000.000\t900.000.000\t90,00
\tJumlah\t3.500.000.000\t3.300.000.000\t94,29
"""


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF with a correct cross-reference table from numbered object bodies (1-based)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def huge_page_pdf(points: int = 14400) -> bytes:
    """One page of `points` x `points` pt, covered by a 2 x 2 grey image and no text (a 'scanned' page)."""
    image = zlib.compress(bytes([40, 200, 200, 40]))
    content = f"q {points} 0 0 {points} 0 0 cm /Im0 Do Q".encode()
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {points} {points}] /Resources << /XObject << /Im0 5 0 R >> >>"
        f" /Contents 4 0 R >>".encode(),
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        f"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8"
        f" /Filter /FlateDecode /Length {len(image)} >>\nstream\n".encode() + image + b"\nendstream",
    ])


def bomb_pdf(megabytes: int) -> bytes:
    """A page whose content stream inflates to `megabytes` MB of drawing operators (compresses ~1000:1)."""
    comp = zlib.compressobj(9)
    chunk = b"0 0 m " * (1 << 17)  # 768 KiB of one repeated operator
    parts = [comp.compress(b"BT /F1 12 Tf 72 720 Td (Laporan Kinerja) Tj ET\n")]
    for _ in range(max(1, megabytes * (1 << 20) // len(chunk))):
        parts.append(comp.compress(chunk))
    parts.append(comp.flush())
    stream = b"".join(parts)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def make(folder: Path, line_mb: float = 10, bomb_mb: int = 1024, good: list[Path] | None = None,
         fifo: bool = True) -> dict[str, Path]:
    """Write the hostile folder; returns name -> path of what was made (symlinks and the FIFO included)."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}

    def put(name: str | bytes, data: bytes) -> None:
        path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
        with open(path, "wb") as fh:
            fh.write(data)
        made[os.fsdecode(name) if isinstance(name, bytes) else name] = Path(os.fsdecode(path))

    def link(name: str, target: str) -> None:
        path = folder / name
        if os.path.lexists(path):
            path.unlink()
        os.symlink(target, path)
        made[name] = path

    if fifo and hasattr(os, "mkfifo"):
        path = folder / "fifo.txt"
        if not path.exists():
            os.mkfifo(path)
        made["fifo.txt"] = path
    link("loop.txt", "loop.txt")
    link("loop_a.txt", "loop_b.txt")
    link("loop_b.txt", "loop_a.txt")
    if os.path.exists("/dev/zero"):
        link("dev.txt", "/dev/zero")
    link("dangling.txt", "no-such-file.txt")
    put(b"bad-name-\xff.txt", REPORT.encode())
    line = ("Capaian kinerja tahun 2024 sebesar 95,00 persen dari target 80,00 persen; " * 1000).encode()
    size = int(line_mb * (1 << 20))
    put("one_line.txt", (line * (size // len(line) + 1))[:size])
    put("huge_page.pdf", huge_page_pdf())
    put("bomb.pdf", bomb_pdf(bomb_mb))
    put("empty.txt", b"")
    put("binary.pdf", random.Random(9).randbytes(4096))
    put("zero_width.txt", REPORT.replace("Target", "Tar\u200bget").replace("Realisasi", "Reali\u00adsasi").encode())
    put("utf16.txt", REPORT.encode("utf-16"))
    put("good_1.txt", REPORT.encode())
    for k, src in enumerate(good or [], start=2):
        put(f"good_{k}{src.suffix}", src.read_bytes())
    locked = folder / "locked"
    locked.mkdir(exist_ok=True)
    (locked / "inside.txt").write_text(REPORT, encoding="utf-8")
    locked.chmod(0)
    made["locked"] = locked
    return made


def cleanup(folder: Path) -> None:
    """Remove a hostile folder (the locked subfolder made listable first)."""
    locked = folder / "locked"
    if locked.exists():
        locked.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--line-mb", type=float, default=10, help="size of the single-line text (MB)")
    parser.add_argument("--bomb-mb", type=int, default=1024, help="inflated size of the PDF stream (MB)")
    parser.add_argument("--good", type=Path, nargs="*", default=[], help="good reports to copy in")
    args = parser.parse_args()
    made = make(args.out, args.line_mb, args.bomb_mb, args.good)
    for name in sorted(made):
        print(name)


if __name__ == "__main__":
    main()
