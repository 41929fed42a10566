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
// The gaps this closing leaves (a vessel between a nodule and the pleura, or along a nodule's
// edge) are filled for compact lesions by `LesionHullFill`, after `SolidNoduleTrim`.
// TODO: a vessel running along a nodule's outer edge, at the extreme of its section, is outside
// the hull of what survives there, and that part of the nodule is still lost (seed course,
// second study: 3.8 % of the 0.7 mL nodule at x = -106 mm, 5 % of the 0.44 mL one at x = 101 mm).
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
