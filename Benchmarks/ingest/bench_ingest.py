#!/usr/bin/env python3
"""Ingest benchmark: `ctcase convert` beside `dcm2niix` on the same DICOM series.

Series: the RICORD series (255 JPEG-lossless slices, from ../shared/data when present) and an
uncompressed 300-slice 512x512 series generated once into the cache folder. Each tool converts
each series to an uncompressed .nii `--runs` times; the table shows the median wall time, the
median CPU time (user + system of the child) and ctcase / dcm2niix ratios (target <= 1.0).
Every run writes into an empty folder, emptied again outside the timing: dcm2niix never replaces
a file (it picks a new name), so replacing the previous run's 150 MB output would charge its
deletion to ctcase alone.

usage: bench_ingest.py --ctcase BIN --cache DIR [--ricord DIR] [--runs N]
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

SLICES, SIZE = 300, 512
PIXEL_MM, STEP_MM = 0.7, 1.0
CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2"


def make_uncompressed(folder):
    """300 slices of 512x512 signed 16-bit CT (a body ellipse in air), written once."""
    done = os.path.join(folder, ".complete")
    if os.path.exists(done):
        return
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    series, study = generate_uid(), generate_uid()
    y, x = np.mgrid[0:SIZE, 0:SIZE]
    body = ((x - 256) / 200.0) ** 2 + ((y - 256) / 150.0) ** 2 < 1
    rng = np.random.default_rng(7)
    for k in range(SLICES):
        hu = np.where(body, 40, -1000) + rng.integers(-20, 20, (SIZE, SIZE))
        ds = Dataset()
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta.MediaStorageSOPClassUID = CT_IMAGE
        ds.SOPClassUID = CT_IMAGE
        ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
        ds.Modality, ds.StudyDate, ds.ImageType = "CT", "20240101", ["ORIGINAL", "PRIMARY"]
        ds.PatientName, ds.PatientID = "Bench^Series", "BENCH"
        ds.InstanceNumber = k + 1
        ds.ImagePositionPatient = [-179.2, -179.2, STEP_MM * k]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.PixelSpacing, ds.SliceThickness = [PIXEL_MM, PIXEL_MM], STEP_MM
        ds.Rows = ds.Columns = SIZE
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.RescaleSlope, ds.RescaleIntercept = 1, -1024
        ds.PixelData = (hu + 1024).astype(np.int16).tobytes()
        ds.save_as(os.path.join(folder, f"{k:04d}.dcm"), enforce_file_format=True)
    open(done, "w").close()


def timed(command):
    """Wall seconds and child CPU seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def medians(command, runs, out):
    """Median wall and CPU seconds of `command(folder)`, each run writing into an empty folder."""
    samples = []
    for _ in range(runs):
        folder = tempfile.mkdtemp(dir=out)
        samples.append(timed(command(folder)))
        shutil.rmtree(folder)
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ctcase", required=True)
    parser.add_argument("--cache", required=True)
    parser.add_argument("--ricord")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    series = []
    if args.ricord and os.path.isdir(args.ricord):
        series.append(("RICORD 255 x JPEG lossless", args.ricord))
    else:
        print("note: RICORD series not found; its row is skipped")
    uncompressed = os.path.join(args.cache, "uncompressed-300")
    make_uncompressed(uncompressed)
    series.append(("generated 300 x 512^2 uncompressed", uncompressed))

    print(f"| series | ctcase wall s | dcm2niix wall s | wall ratio | ctcase CPU s "
          f"| dcm2niix CPU s | CPU ratio |  (median of {args.runs} runs)")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as out:
        for name, folder in series:
            ours = medians(lambda run: [args.ctcase, "convert", folder, "-o",
                                        os.path.join(run, "ctcase.nii"), "-q"], args.runs, out)
            theirs = medians(lambda run: ["dcm2niix", "-z", "n", "-o", run, "-f", "dcm2niix",
                                          folder], args.runs, out)
            print(f"| {name} | {ours[0]:.2f} | {theirs[0]:.2f} | {ours[0] / theirs[0]:.2f} "
                  f"| {ours[1]:.2f} | {theirs[1]:.2f} | {ours[1] / theirs[1]:.2f} |")


if __name__ == "__main__":
    main()
