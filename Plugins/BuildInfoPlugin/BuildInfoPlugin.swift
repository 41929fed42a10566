import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` with the git commit the package was built from, so provenance
/// records can name it. Outside a git checkout the commit is "unknown".
@main
struct BuildInfoPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildInfo.swift")
    let root = context.package.directoryURL.path
    let script = """
      commit=$(git -C '\(root)' rev-parse HEAD 2>/dev/null || echo unknown)
      changes=$(git -C '\(root)' status --porcelain --untracked-files=no 2>/dev/null)
      if [ "$commit" != unknown ] && [ -n "$changes" ]; then
        commit="$commit-modified"
      fi
      text="/// Generated at build time by BuildInfoPlugin.
      enum BuildInfo { static let commit = \\"$commit\\" }"
      if [ ! -f '\(output.path)' ] || [ "$(cat '\(output.path)')" != "$text" ]; then
        printf '%s' "$text" > '\(output.path)'
      fi
      """
    return [
      .prebuildCommand(
        displayName: "Recording the build commit",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: ["-c", script],
        outputFilesDirectory: context.pluginWorkDirectoryURL)
    ]
  }
}
