import Imaging

/// Gives back the top and bottom slices of small lesions that the in-plane openings removed.
///
/// The openings of `LesionDetector` work slice by slice. Near the top and bottom of a nodule its
/// cross-section, blurred by the slice thickness, is narrower than the opening disk, so whole
/// cap slices go: on the phantom's seed course, nodules of 4-6 mm radius lost one cap slice at
/// each end (up to 70 voxels, 5-10 % of their volume). A ground-glass candidate directly above
/// or below a lesion voxel belongs to that lesion; only one slice is added, from the lesion as
/// the in-plane steps left it. Consolidation-density voxels are not added: above and below a
/// ground-glass nodule they are the vessels leaving it, and enough of them would make
/// `SolidNoduleTrim` take the nodule for a solid one.
///
/// Only slices no thicker than the opening disk's radius get their caps back: there the cap
/// slice lies inside the nodule. On thicker slices the neighbour slice reaches mostly beyond
/// the nodule's end and its ground glass is partial volume, so the whole neighbour cross-section
/// would be added (thick phantom preset: nodules +25 to +108 % instead of -19 to +58 %).
enum LesionCapRestore {
  /// Per-voxel bits on entry: `lesion` (the in-plane result) and `groundGlass` (a lesion
  /// candidate of ground-glass density).
  static let lesion: UInt8 = 1
  static let groundGlass: UInt8 = 2

  /// Whether slices `spacingZ` mm apart lose cap slices to the ground-glass opening.
  static func applies(spacingZ: Double, parameters: AnalysisParameters) -> Bool {
    spacingZ <= parameters.vesselMaxDiameterMM / 2
  }

  /// The final lesion mask (0 or 1) on the box grid `size` from the `layers` bits; with
  /// `restoringCaps` false, only the in-plane result.
  static func restore(_ layers: [UInt8], size: GridSize, restoringCaps: Bool) -> [UInt8] {
    let plane = size.sliceCount
    var mask = [UInt8](repeating: 0, count: layers.count)
    for q in 0..<layers.count {
      let bits = layers[q]
      if bits & lesion != 0 {
        mask[q] = 1
        continue
      }
      guard restoringCaps, bits & groundGlass != 0 else { continue }
      let below = q >= plane && layers[q - plane] & lesion != 0
      let above = q + plane < layers.count && layers[q + plane] & lesion != 0
      if below || above { mask[q] = 1 }
    }
    return mask
  }
}
