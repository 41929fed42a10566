"""Render axial slices of a phantom study folder to PNG (lung window) for visual checks.

usage: render_slices.py STUDY_DIR OUT_PREFIX Z_MM [Z_MM ...]
Writes OUT_PREFIX-z<Z>.png (lung window -600/1500) and OUT_PREFIX-z<Z>-soft.png (mediastinal
window 40/400) for the slice nearest each scanner z (mm), plus a coronal reformat
OUT_PREFIX-coronal.png.
"""
import sys
import zlib
import struct
from pathlib import Path

import numpy as np
import pydicom


def write_png(path, image):
    height, width = image.shape
    raw = b"".join(b"\x00" + image[row].tobytes() for row in range(height))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def window(hu, centre=-600.0, width=1500.0):
    low = centre - width / 2
    return np.clip((hu - low) / width * 255.0, 0, 255).astype(np.uint8)


def main():
    study, prefix = Path(sys.argv[1]), sys.argv[2]
    files = sorted(study.glob("*.dcm"))
    slices = [pydicom.dcmread(f) for f in files]
    slices.sort(key=lambda d: float(d.ImagePositionPatient[2]))
    zs = np.array([float(d.ImagePositionPatient[2]) for d in slices])
    volume = np.stack([d.pixel_array.astype(np.float32) * float(d.RescaleSlope)
                       + float(d.RescaleIntercept) for d in slices])
    for z in sys.argv[3:]:
        k = int(np.argmin(np.abs(zs - float(z))))
        write_png(f"{prefix}-z{z}.png", window(volume[k]))
        write_png(f"{prefix}-z{z}-soft.png", window(volume[k], 40.0, 400.0))
    coronal = volume[::-1, volume.shape[1] // 2 + 10, :]
    spacing = float(slices[1].ImagePositionPatient[2]) - float(slices[0].ImagePositionPatient[2])
    pixel = float(slices[0].PixelSpacing[0])
    rows = np.round(np.arange(0, coronal.shape[0], pixel / spacing)).astype(int)
    rows = rows[rows < coronal.shape[0]]
    write_png(f"{prefix}-coronal.png", window(coronal[rows]))


if __name__ == "__main__":
    main()
