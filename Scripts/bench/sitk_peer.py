"""The peer for `make bench-analysis`: the classical steps of ctcase's lung analysis done with
SimpleITK on the same volume, timed the same way (median of several runs).

Steps: air threshold (< -320 HU), 6-connected components with relabelling by size, per-slice
closing of the lung mask with a 10 mm disk, per-slice opening of the lesion candidates
(-750..100 HU) with a 2 mm disk, and their connected components.

usage: sitk_peer.py VOLUME.nii RUNS THREADS  -> prints "median_seconds"
"""
import statistics
import sys
import time

import SimpleITK as sitk


def steps(image):
    spacing = image.GetSpacing()
    air = sitk.BinaryThreshold(image, -3024, -321, 1, 0)
    cc = sitk.RelabelComponent(sitk.ConnectedComponent(air, False))
    lungs = sitk.BinaryThreshold(cc, 1, 2, 1, 0)
    close_r = [int(round(10 / spacing[0])), int(round(10 / spacing[1])), 0]
    closed = sitk.BinaryMorphologicalClosing(lungs, close_r, sitk.sitkBall)
    candidates = sitk.BinaryThreshold(image, -750, 100, 1, 0) * closed
    open_r = [int(round(2 / spacing[0])), int(round(2 / spacing[1])), 0]
    opened = sitk.BinaryMorphologicalOpening(candidates, open_r, sitk.sitkBall)
    lesions = sitk.RelabelComponent(sitk.ConnectedComponent(opened, False))
    return sitk.GetArrayViewFromImage(lesions).max()


def main():
    path, runs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    sitk.ProcessObject.SetGlobalDefaultNumberOfThreads(threads)
    image = sitk.Cast(sitk.ReadImage(path), sitk.sitkInt16)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        steps(image)
        times.append(time.perf_counter() - start)
    print(f"{statistics.median(times):.3f}")


if __name__ == "__main__":
    main()
