/// The version of ctcase that every output and provenance record names.
public enum ToolVersion {
  /// Semantic version of this build; bump when any output byte can change.
  public static let string = "0.1.0"

  /// The git commit this binary was built from ("unknown" outside a checkout; "-modified"
  /// when tracked files differed from it).
  public static var buildCommit: String { BuildInfo.commit }
}
