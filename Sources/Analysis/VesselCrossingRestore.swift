import Imaging

/// Gives back to a lesion the voxels that the vessel openings took only because a vessel
/// crosses it.
///
/// `LesionDetector` removes every dense structure narrower than `denseVesselMaxDiameterMM` on
/// each slice. A vessel running through a ground-glass nodule is such a structure, so the
/// opening cuts a band (or, for a vessel along the slice normal, a hole) of the vessel's width
/// out of the nodule. A per-slice closing of what survived, with the radius of that opening,
/// fills the gaps and notches inside a lesion's outline up to the removed vessel's diameter;
/// the part of a vessel outside the outline is not filled, because a disk of that radius fits
/// beside the lesion there. The caller keeps only lesion-density candidates of the result, so
/// air and bone never come in.
// TODO: a nodule against the chest wall with a vessel between it and the pleura still loses
// the sliver between vessel and pleura (the phantom's seed-course nodule at x = 101 mm, 6-13 %
// of its volume). Filling that gap by counting the pleura as set in the closing was tried: it
// joined nodules to dense structures beside them, and `SolidNoduleTrim` then cut them down to
// their dense voxels, so whole nodules went missing.
///
/// Like `LesionCapRestore`, only for slices no thicker than the ground-glass opening's radius:
/// on the thick (5 mm) phantom preset the closing made the 2 mL mixed nodule of the last study
/// go missing entirely, and none of that preset's nodules are undermeasured because of crossings
/// (their errors are partial-volume overestimates).
enum VesselCrossingRestore {
  /// Whether slices `spacingZ` mm apart get the closing.
  static func applies(spacingZ: Double, parameters: AnalysisParameters) -> Bool {
    LesionCapRestore.applies(spacingZ: spacingZ, parameters: parameters)
  }

  /// Closes `survivors` (one slice of `morph`'s size, flags) in place, with `kept` as scratch
  /// of the same size; pixels set on entry stay set, also along the slice edge, where the
  /// erosion half of the closing would clear them.
  static func close(
    _ survivors: UnsafeMutableBufferPointer<UInt8>, morph: inout SliceMorphology,
    parameters: AnalysisParameters, kept: inout [UInt8]
  ) {
    kept.replaceSubrange(0..<survivors.count, with: survivors)
    guard kept.contains(where: { $0 != 0 }) else { return }

    morph.close(survivors, radiusMM: parameters.denseVesselMaxDiameterMM / 2)
    for q in 0..<survivors.count where kept[q] != 0 { survivors[q] = 1 }
  }
}
