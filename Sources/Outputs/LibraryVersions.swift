import CCairo
import CDicom
import CNrrd
import CPango

/// The versions of the libraries whose behaviour can change output bytes, as each library
/// reports itself at run time (cairo, pango, fontconfig, teem) or at build time (DCMTK, GDCM).
public enum LibraryVersions {
  // TODO: libnifti2 exposes no version string and zlib/freetype/harfbuzz are not queried, so a
  // change in those libraries is not named by `ctcase verify` (it still shows as output bytes).
  public static var current: [String: String] {
    let fc = Int(FcGetVersion())
    return [
      "cairo": String(cString: cairo_version_string()),
      "pango": String(cString: pango_version_string()),
      "fontconfig": "\(fc / 10000).\(fc / 100 % 100).\(fc % 100)",
      "dcmtk": String(cString: CDicomVersion_dcmtk()),
      "gdcm": String(cString: CDicomVersion_gdcm()),
      "teem": teemVersion,
    ]
  }

  private static var teemVersion: String {
    var buffer = [CChar](repeating: 0, count: Int(AIR_STRLEN_LARGE))
    airTeemVersionSprint(&buffer)
    let text = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: text, as: UTF8.self)
  }
}
